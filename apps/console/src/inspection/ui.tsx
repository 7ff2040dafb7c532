import { Chip, Stack, Typography } from '@mui/material';
import type { SxProps } from '@mui/material';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import {
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  maxLength,
  minLength,
  required,
  ResourceProps,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleList,
  SimpleShowLayout,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { gridSx } from '../layout/ListActions';
import { useSmall } from '../layout/useSmall';

const words = 'otr.inspection';

/** Touch targets of at least 48px: the on-site screens are used on a phone (WCAG 2.5.5). */
export const touch = { minHeight: 48 } as const;

const COLOR: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  'to-schedule': 'default',
  scheduled: 'primary',
  closed: 'default',
  ordered: 'primary',
  reported: 'info',
  verified: 'success',
  overdue: 'error',
  proposed: 'primary',
  decided: 'success',
  rejected: 'default',
  listed: 'error',
  removed: 'default',
  drawn: 'primary',
  published: 'success',
  submitted: 'primary',
  graded: 'success',
  open: 'primary',
  done: 'success',
};

/** An enforcement record's status in the user's language (otr.inspection.statuses). */
export function Status({ status }: { status?: string | null }) {
  const t = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant={status === 'overdue' ? 'filled' : 'outlined'}
      color={COLOR[status] ?? 'default'}
      label={t(`${words}.statuses.${status}`, { _: status })}
      sx={{ fontWeight: 500 }}
    />
  );
}

/** Choices of a SelectInput from codes, their words under `prefix`. */
export const choicesOf = (ids: readonly string[], prefix: string) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));

/** The subject of a record: the institution's name, with its address for an unlicensed operator. */
export const subjectText = (s?: { name?: string; address?: string }) =>
  s ? [s.name, s.address].filter(Boolean).join(' · ') : '';

/** A list's toolbar: the filter button, then the commands the list offers (each gated by its grant). */
export const ListToolbar = ({ children }: { children?: ReactNode }) => (
  <TopToolbar>
    <FilterButton />
    {children}
  </TopToolbar>
);

/** The filters of an enforcement list: its statuses (always shown), then the institution unless left out. */
export const statusFilters = (statuses: readonly string[], byInstitution = true): ReactElement[] => [
  <SelectInput key="status" source="status" choices={choicesOf(statuses, `${words}.statuses`)} alwaysOn />,
  ...(byInstitution ? [<TextInput key="institutionId" source="institutionId" />] : []),
];

interface Listed {
  id: string;
  status: string;
  subject?: { name?: string; address?: string };
}

/**
 * An enforcement list: cards on a phone (the subject, a line of facts, the status), on a wider
 * screen a grid of the subject, the columns given and the status; no CSV export. `primary` is
 * the subject's text (its name unless given), `status` the status shown (an order past its
 * deadline shows overdue); `rowSx` tints rows.
 */
export function EnforcementList<T extends Listed>({
  filters,
  commands,
  filterDefaultValues,
  primary = (r) => r.subject?.name ?? '',
  subjectColumn = true,
  secondary,
  status = (r) => r.status,
  rowSx,
  children,
}: {
  filters: ReactElement[];
  commands?: ReactNode;
  filterDefaultValues?: Record<string, unknown>;
  primary?: (r: T) => string;
  /** A grid column of `primary` (lists whose records have no subject show their own columns). */
  subjectColumn?: boolean;
  secondary: (r: T) => string;
  status?: (r: T) => string;
  rowSx?: (r: T) => SxProps;
  children: ReactNode;
}) {
  const t = useTranslate();
  const small = useSmall();
  return (
    <List
      filters={filters}
      filterDefaultValues={filterDefaultValues}
      actions={<ListToolbar>{commands}</ListToolbar>}
      exporter={false}
      // An empty list still offers its commands (an operator's first annual report, a first draw).
      empty={false}
    >
      {small ? (
        <SimpleList<T>
          primaryText={primary}
          secondaryText={secondary}
          tertiaryText={(r) => t(`${words}.statuses.${status(r)}`, { _: status(r) })}
          rowSx={rowSx}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx} rowSx={rowSx}>
          {subjectColumn && <Column<T> source="subject" render={primary} />}
          {children}
          <Column<T> source="status" render={(r) => <Status status={status(r)} />} />
        </Datagrid>
      )}
    </List>
  );
}

/** A grid column computed from the record, not sortable (the services order their lists themselves). */
export function Column<T extends Listed>({
  source,
  label,
  render,
}: {
  source: string;
  label?: string;
  render: (r: T) => ReactNode;
}) {
  return <FunctionField<T> source={source} label={label} sortable={false} render={render} />;
}

/**
 * A record's page: the commands the viewer may give, the subject (or another title) with the
 * status, then the record's fields.
 */
export function RecordFile<T extends Listed>({
  commands,
  title,
  status = (r) => r.status,
  children,
}: {
  commands?: ReactNode;
  title?: (r: T) => string;
  status?: (r: T) => string;
  children: ReactNode;
}) {
  const record = useRecordContext<T>();
  if (!record) return null;
  return (
    <>
      <Stack
        direction="row"
        spacing={1}
        sx={{ px: 2, pt: 2, flexWrap: 'wrap', rowGap: 1, '& .MuiButton-root': touch }}
      >
        {commands}
      </Stack>
      <SimpleShowLayout>
        <Typography variant="h6">{title ? title(record) : subjectText(record.subject)}</Typography>
        <FunctionField<T> source="status" render={(r) => <Status status={status(r)} />} />
        {children}
      </SimpleShowLayout>
    </>
  );
}

/** A written text of the record (reasons, findings, requirements): several lines, within the service's limits. */
export const LongTextInput = ({
  source,
  label,
  min = 2,
  max = 4000,
}: {
  source: string;
  label: string;
  min?: number;
  max?: number;
}) => (
  <TextInput
    source={source}
    label={label}
    multiline
    minRows={3}
    validate={[required(), ...(min > 0 ? [minLength(min)] : []), maxLength(max)]}
  />
);

/** The violations a rectification order or a penalty rests on, named by their code. */
export function ViolationsInput({
  violations,
  label,
}: {
  violations: { id: string; code: string }[];
  label: string;
}) {
  const t = useTranslate();
  return (
    <SelectArrayInput
      source="violationIds"
      label={label}
      choices={violations.map((v) => ({ id: v.id, name: t(`${words}.codes.${v.code}`, { _: v.code }) }))}
      translateChoice={false}
      validate={required()}
    />
  );
}

/**
 * An enforcement screen: its list, its record page (the file with its commands, on a card or
 * plain, full width on a phone) and its menu icon.
 */
export function enforcementResource({
  name,
  list,
  file: File,
  icon,
  plain = false,
  recordRepresentation = (r) => r.subject?.name ?? r.id,
}: {
  name: string;
  list: ComponentType;
  file: ComponentType;
  icon: ComponentType;
  plain?: boolean;
  recordRepresentation?: ResourceProps['recordRepresentation'];
}): ResourceProps {
  const show = () => (
    <Show component={plain ? 'div' : undefined}>
      <File />
    </Show>
  );
  return { name, list, show, icon, recordRepresentation };
}
