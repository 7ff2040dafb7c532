import { Chip, Stack } from '@mui/material';
import {
  FunctionField,
  type FunctionFieldProps,
  ReferenceField,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton, CommandButtonProps } from '../layout/CommandDialog';
import { StatusChip } from '../layout/StatusChip';
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
