import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { Chip } from '@mui/material';
import { DateField, FunctionField, ResourceProps, TextField, useTranslate } from 'react-admin';
import { ExportField } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { ALERT_STATES, noteBody } from './fees-file';
import { NoteInput, noteFields } from './inputs';
import { yuan } from './money';
import {
  CodeField,
  FeeStatusField,
  InstitutionField,
  RowCommands,
  RowCommandSpec,
  FeeList,
  statusExport,
  statusFilter,
} from './shared';

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
  statusExport('state'),
  { source: 'facts', render: (r) => JSON.stringify(r.facts) },
  { source: 'source' },
  { source: 'note' },
];

const filters = [statusFilter('state', ALERT_STATES)];

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
const AlertList = () => (
  <FeeList
    resource="fee-alerts"
    exportFields={exportFields}
    filters={filters}
    filterDefaultValues={{ state: 'open' }}
  >
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
  </FeeList>
);

export const feeAlerts: ResourceProps = {
  name: 'fee-alerts',
  list: withFeesData(AlertList),
  icon: NotificationImportantIcon,
};
