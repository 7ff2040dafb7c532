import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { Chip } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  ResourceProps,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import { gridSx, ListActions } from '../layout/ListActions';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { ALERT_STATES, noteBody } from './fees-file';
import { NoteInput, noteFields } from './inputs';
import { yuan } from './money';
import { CodeField, FeeStatusField, InstitutionField, RowCommands, RowCommandSpec } from './shared';

type Alert = {
  id: string;
  institutionId: string;
  code: string;
  severity: string;
  state: string;
  facts: Record<string, unknown>;
  source?: string;
  note?: string;
  raisedAt: string;
};

const SEVERITY_COLOR: Record<string, 'default' | 'warning' | 'error'> = {
  info: 'default',
  warning: 'warning',
  critical: 'error',
};

const exportFields: ExportField<Alert>[] = [
  { source: 'raisedAt' },
  { source: 'institutionId' },
  { source: 'code', render: (r, t) => t(`otr.fees.alerts.${r.code}`, { _: r.code }) },
  { source: 'severity', render: (r, t) => t(`otr.fees.severities.${r.severity}`, { _: r.severity }) },
  { source: 'state', render: (r, t) => t(`otr.fees.statuses.${r.state}`, { _: r.state }) },
  { source: 'facts', render: (r) => JSON.stringify(r.facts) },
  { source: 'source' },
  { source: 'note' },
];

const filters = [
  <SelectInput
    key="state"
    source="state"
    choices={ALERT_STATES.map((id) => ({ id, name: `otr.fees.statuses.${id}` }))}
    alwaysOn
  />,
];

const COMMANDS: RowCommandSpec[] = [
  { command: 'acknowledge', path: 'acknowledge' },
  { command: 'closeAlert', path: 'close', body: noteBody, inputs: <NoteInput />, fields: noteFields },
];

const Severity = ({ severity }: { severity: string }) => {
  const t = useTranslate();
  return (
    <Chip
      size="small"
      color={SEVERITY_COLOR[severity] ?? 'default'}
      label={t(`otr.fees.severities.${severity}`, { _: severity })}
    />
  );
};

/** The facts an evaluator recorded; amounts (…Fen) in yuan. */
const Facts = ({ facts }: { facts?: Record<string, unknown> }) => (
  <span>
    {Object.entries(facts ?? {})
      .map(([k, v]) => {
        const shown =
          /Fen$/.test(k) && typeof v === 'number'
            ? yuan(v)
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
        return `${k}: ${shown}`;
      })
      .join('；')}
  </span>
);

/** Risk alerts (风险预警), open ones first by default: acknowledge, then close with a note. */
const AlertList = () => {
  const exporter = useCsvExporter('fee-alerts', exportFields);
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'open' }}
      actions={<ListActions />}
      exporter={exporter}
      sort={{ field: 'id', order: 'ASC' }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false} sx={gridSx}>
        <DateField source="raisedAt" showTime sortable={false} />
        <InstitutionField source="institutionId" />
        <CodeField source="code" prefix="otr.fees.alerts" />
        <FunctionField<Alert>
          source="severity"
          sortable={false}
          render={(r) => <Severity severity={r.severity} />}
        />
        <FunctionField<Alert> source="facts" sortable={false} render={(r) => <Facts facts={r.facts} />} />
        <TextField source="source" sortable={false} emptyText="" />
        <FeeStatusField source="state" />
        <TextField source="note" sortable={false} emptyText="" />
        <RowCommands resource="fee-alerts" specs={COMMANDS} statusField="state" />
      </Datagrid>
    </List>
  );
};

export const feeAlerts: ResourceProps = {
  name: 'fee-alerts',
  list: withFeesData(AlertList),
  icon: NotificationImportantIcon,
};
