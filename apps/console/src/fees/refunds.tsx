import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Chip } from '@mui/material';
import { FunctionField, ResourceProps, TextField, useTranslate } from 'react-admin';
import { ExportField } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { noteBody, reasonBody, REFUND_STATUSES } from './fees-file';
import { NoteInput, noteFields, ReasonInput, reasonFields } from './inputs';
import { yuan } from './money';
import {
  FeeStatusField,
  FlagField,
  InstitutionField,
  RowCommands,
  RowCommandSpec,
  YuanField,
  FeeList,
  statusExport,
  statusFilter,
} from './shared';

type Refund = {
  id: string;
  orderId: string;
  institutionId: string;
  requestedOn: string;
  reason: string;
  status: string;
  answerBy: string;
  payBy?: string;
  paidOn?: string;
  amountFen?: number;
  overdue: boolean;
  deemed: boolean;
  closure: boolean;
};

const exportFields: ExportField<Refund>[] = [
  { source: 'id' },
  { source: 'requestedOn' },
  { source: 'institutionId' },
  { source: 'orderId' },
  { source: 'reason' },
  statusExport('status'),
  { source: 'answerBy' },
  { source: 'payBy' },
  { source: 'paidOn' },
  { source: 'amountFen', render: (r) => yuan(r.amountFen) },
  { source: 'overdue' },
  { source: 'closure' },
];

const filters = [statusFilter('status', REFUND_STATUSES)];

/** The institution answers; the supervisor orders a refund it refused or left unanswered, and pays agreed ones. */
const COMMANDS: RowCommandSpec[] = [
  { command: 'agreeRefund', path: 'agree', variant: 'contained' },
  {
    command: 'disputeRefund',
    path: 'dispute',
    body: reasonBody,
    inputs: <ReasonInput />,
    fields: reasonFields,
    color: 'warning',
  },
  { command: 'orderRefund', path: 'order', body: noteBody, inputs: <NoteInput />, fields: noteFields },
  { command: 'payRefund', path: 'pay', variant: 'contained' },
];

const Overdue = ({ overdue }: { overdue: boolean }) => {
  const t = useTranslate();
  return overdue ? (
    <Chip size="small" color="error" label={t('resources.fee-refunds.fields.overdue')} />
  ) : null;
};

/** Refund requests (退费): deadlines on the working-day calendar, the amount from the ledger. */
const RefundList = () => (
  <FeeList resource="fee-refunds" exportFields={exportFields} filters={filters}>
    <TextField source="requestedOn" sortable={false} />
    <InstitutionField source="institutionId" />
    <TextField source="orderId" sortable={false} />
    <TextField source="reason" sortable={false} />
    <FeeStatusField source="status" />
    <TextField source="answerBy" sortable={false} />
    <TextField source="answerReason" sortable={false} emptyText="" />
    <TextField source="payBy" sortable={false} emptyText="" />
    <YuanField source="amountFen" />
    <TextField source="paidOn" sortable={false} emptyText="" />
    <FunctionField<Refund>
      source="overdue"
      sortable={false}
      render={(r) => <Overdue overdue={r.overdue} />}
    />
    <FlagField source="closure" />
    <RowCommands resource="fee-refunds" specs={COMMANDS} />
  </FeeList>
);

export const feeRefunds: ResourceProps = {
  name: 'fee-refunds',
  list: withFeesData(RefundList),
  icon: CurrencyExchangeIcon,
};
