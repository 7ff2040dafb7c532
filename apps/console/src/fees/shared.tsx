import type { ReactNode } from 'react';
import { Chip, Stack } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  type FunctionFieldProps,
  List,
  type ListProps,
  ReferenceField,
  SelectInput,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton, CommandButtonProps } from '../layout/CommandDialog';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import type { OtrDataProvider } from '../providers/data-provider';
import { FeeCommand, FeeResource, offered } from './fees-file';
import { yuan } from './money';

type Row = Record<string, unknown>;

/** An amount in fen shown as yuan, right-aligned like every figure. */
export const YuanField = ({ source, ...rest }: { source: string } & Omit<FunctionFieldProps, 'render'>) => (
  <FunctionField
    source={source}
    sortable={false}
    textAlign="right"
    render={(r: Row) => yuan(r[source] as number)}
    {...rest}
  />
);

/** A fee-supervision status (order, lesson, refund, alert, reconciliation, closure) as a chip. */
export const FeeStatusField = ({ source }: { source: string }) => (
  <FunctionField
    source={source}
    sortable={false}
    render={(r: Row) => <StatusChip status={r[source] as string} prefix="otr.fees.statuses" />}
  />
);

/** A list's status filter over `statuses`, labelled as every fee status is, always shown. */
export const statusFilter = (source: string, statuses: readonly string[]) => (
  <SelectInput
    key={source}
    source={source}
    choices={statuses.map((id) => ({ id, name: `otr.fees.statuses.${id}` }))}
    alwaysOn
  />
);

/** A status column of a CSV export, in the user's language. */
export const statusExport = <R extends Row>(source: string): ExportField<R> => ({
  source,
  render: (r, t) => t(`otr.fees.statuses.${r[source]}`, { _: String(r[source] ?? '') }),
});

/**
 * A fee screen's list: its filters, the CSV export of its own fields, and a plain grid of the
 * columns given (no row click; bulk actions only where given), in the order the service pages.
 */
export function FeeList<R extends Row>({
  resource,
  exportFields,
  children,
  bulkActionButtons = false,
  ...list
}: {
  resource: FeeResource;
  exportFields: ExportField<R>[];
  children: ReactNode;
  bulkActionButtons?: ReactNode | false;
} & Omit<ListProps, 'children' | 'exporter' | 'resource'>) {
  return (
    <List
      actions={<ListActions />}
      sort={{ field: 'id', order: 'ASC' }}
      {...list}
      exporter={useCsvExporter(resource, exportFields)}
    >
      <Datagrid bulkActionButtons={bulkActionButtons} rowClick={false} sx={gridSx}>
        {children}
      </Datagrid>
    </List>
  );
}

/** A code translated under `prefix`, the code itself when unknown. */
export const CodeField = ({ source, prefix }: { source: string; prefix: string }) => {
  const t = useTranslate();
  return (
    <FunctionField
      source={source}
      sortable={false}
      render={(r: Row) => t(`${prefix}.${r[source]}`, { _: String(r[source] ?? '') })}
    />
  );
};

/** The institution's name, linking to its supervised account. */
export const InstitutionField = ({ source }: { source: string }) => (
  <ReferenceField source={source} reference="fee-accounts" link="show" sortable={false}>
    <TextField source="institutionName" />
  </ReferenceField>
);

/** A yes shown as a small warning chip, a no as nothing. */
export const FlagField = ({ source, color = 'warning' }: { source: string; color?: 'warning' | 'error' }) => {
  const t = useTranslate();
  return (
    <FunctionField
      source={source}
      sortable={false}
      render={(r: Row) =>
        r[source] ? <Chip size="small" color={color} variant="outlined" label={t('ra.boolean.true')} /> : null
      }
    />
  );
};

export type RowCommandSpec = Pick<CommandButtonProps, 'inputs' | 'fields' | 'variant' | 'color'> & {
  command: FeeCommand;
  /** The service's path under <resource url>/<id>. */
  path: string;
  body?: (values: Row) => unknown;
};

/**
 * The commands a record offers in its state, each shown only to roles granted it and sent through
 * the CommandDialog (refusals land under the inputs).
 */
export function RowCommands({
  resource,
  specs,
  statusField = 'status',
}: {
  resource: FeeResource;
  specs: RowCommandSpec[];
  statusField?: string;
}) {
  const record = useRecordContext<Row>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record) return null;
  const status = record[statusField] as string | undefined;
  return (
    <Stack direction="row" spacing={1}>
      {specs
        .filter((s) => offered(s.command, status))
        .map(({ command, path, body, ...button }) => (
          <CommandButton
            key={command}
            resource={resource}
            access={command}
            label={`otr.fees.commands.${command}`}
            hint={`otr.fees.hints.${command}`}
            send={(values) => dataProvider.command(resource, String(record.id), path, body?.(values))}
            {...button}
          />
        ))}
    </Stack>
  );
}
