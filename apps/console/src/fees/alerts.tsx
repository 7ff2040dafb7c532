import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { Chip } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateField,
  FunctionField,
  ResourceProps,
  SelectInput,
  TextField,
  TextInput,
  useCanAccess,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ExportField } from '../providers/csv-exporter';
import { endpointOf } from '../providers/resources';
import { apiFetch } from '../providers/session';
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
  lastSeenAt: string;
};

/** The rules an alert can come from, as the service names them (RiskAlertCode). */
const RULES = [
  'outflow-without-consumption',
  'reserve-below-required',
  'prepaid-large-for-capacity',
  'refund-burst',
  'funds-while-license-suspended',
  'single-payment-above-threshold',
  'reconciliation-mismatch',
  'payment-in-suspense',
] as const;
const SEVERITIES = ['critical', 'warning', 'info'] as const;

const SEVERITY_COLOR: Record<string, 'default' | 'warning' | 'error'> = {
  info: 'default',
  warning: 'warning',
  critical: 'error',
};

const exportFields: ExportField<Alert>[] = [
  { source: 'raisedAt' },
  { source: 'lastSeenAt' },
  { source: 'institutionId' },
  { source: 'code', render: (r, t) => t(`otr.fees.alerts.${r.code}`, { _: r.code }) },
  { source: 'severity', render: (r, t) => t(`otr.fees.severities.${r.severity}`, { _: r.severity }) },
  statusExport('state'),
  { source: 'facts', render: (r) => JSON.stringify(r.facts) },
  { source: 'source' },
  { source: 'note' },
];

const filters = [
  statusFilter('state', ALERT_STATES),
  <SelectInput
    key="rule"
    source="rule"
    label="resources.fee-alerts.fields.code"
    choices={RULES.map((id) => ({ id, name: `otr.fees.alerts.${id}` }))}
    alwaysOn
  />,
  <SelectInput
    key="severity"
    source="severity"
    choices={SEVERITIES.map((id) => ({ id, name: `otr.fees.severities.${id}` }))}
    alwaysOn
  />,
  <TextInput key="district" source="district" alwaysOn />,
];

/**
 * Acknowledges the selected alerts in one request (POST /alerts/acknowledge); those another
 * supervisor acknowledged or closed meanwhile are counted as skipped, not failed.
 */
const BulkAcknowledge = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const res = await apiFetch(`${endpointOf('fee-alerts').url}/acknowledge`, {
        method: 'POST',
        body: JSON.stringify({ ids: selectedIds }),
      });
      const body = (await res.json()) as { acknowledged?: string[]; skipped?: string[]; detail?: string };
      if (!res.ok) throw new Error(body.detail ?? res.statusText);
      notify('otr.fees.bulk.acknowledged', {
        type: 'info',
        messageArgs: { n: body.acknowledged?.length ?? 0, skipped: body.skipped?.length ?? 0 },
      });
      onUnselectItems();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="otr.fees.commands.acknowledgeSelected" disabled={busy} onClick={send} />;
};

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

/**
 * Risk alerts (风险预警), open ones by default, ranked by the service (critical first, then the
 * longest open): one per condition, its figures those of the last evaluation (lastSeenAt).
 * Acknowledge one or the selected in bulk, then close with a note.
 */
const AlertList = () => {
  const { canAccess } = useCanAccess({ resource: 'fee-alerts', action: 'acknowledge' });
  return (
    <FeeList
      resource="fee-alerts"
      exportFields={exportFields}
      filters={filters}
      filterDefaultValues={{ state: 'open' }}
      bulkActionButtons={canAccess ? <BulkAcknowledge /> : false}
    >
      <DateField source="raisedAt" showTime sortable={false} />
      <DateField source="lastSeenAt" showTime sortable={false} />
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
};

export const feeAlerts: ResourceProps = {
  name: 'fee-alerts',
  list: withFeesData(AlertList),
  icon: NotificationImportantIcon,
};
