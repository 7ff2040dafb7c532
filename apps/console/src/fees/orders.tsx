import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button, Stack } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  FunctionField,
  ResourceProps,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { ExportField } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { lessonBody, offered, ORDER_STATUSES } from './fees-file';
import { LessonInputs, lessonFields } from './inputs';
import { yuan } from './money';
import {
  CodeField,
  FeeStatusField,
  InstitutionField,
  YuanField,
  FeeList,
  statusExport,
  statusFilter,
} from './shared';

type Order = {
  id: string;
  institutionId: string;
  studentName: string;
  subject: string;
  category: string;
  hours: number | null;
  giftHours: number;
  amountFen: number;
  escrowFen: number;
  courseStartsOn: string;
  placedOn: string;
  status: string;
};

const exportFields: ExportField<Order>[] = [
  { source: 'id' },
  { source: 'placedOn' },
  { source: 'institutionId' },
  { source: 'studentName' },
  { source: 'subject' },
  { source: 'hours' },
  { source: 'giftHours' },
  { source: 'amountFen', render: (r) => yuan(r.amountFen) },
  { source: 'escrowFen', render: (r) => yuan(r.escrowFen) },
  { source: 'courseStartsOn' },
  statusExport('status'),
];

const filters = [statusFilter('status', ORDER_STATUSES)];

const byOrder = (resource: string, orderId: string) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify({ orderId }))}`;

/** The operator records a lesson taught on a paid order; the order's lessons and refunds one click away. */
function OrderActions() {
  const t = useTranslate();
  const record = useRecordContext<Order>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {offered('recordLesson', record.status) && (
        <CommandButton
          resource="fee-orders"
          access="recordLesson"
          label="otr.fees.commands.recordLesson"
          hint="otr.fees.hints.recordLesson"
          inputs={<LessonInputs />}
          fields={lessonFields}
          defaultValues={{ mode: 'offline' }}
          send={(values) => dataProvider.create('fee-lessons', { data: lessonBody(record.id, values) })}
        />
      )}
      <Button size="small" component={Link} to={byOrder('fee-lessons', record.id)}>
        {t('otr.fees.links.lessons')}
      </Button>
    </Stack>
  );
}

/** Orders (收费订单): the operator's own, the supervisor's jurisdiction; what each still holds in escrow. */
const OrderList = () => (
  <FeeList resource="fee-orders" exportFields={exportFields} filters={filters}>
    <TextField source="placedOn" sortable={false} />
    <InstitutionField source="institutionId" />
    <TextField source="studentName" sortable={false} />
    <TextField source="subject" sortable={false} />
    <CodeField source="category" prefix="otr.fees.categories" />
    <FunctionField<Order>
      source="hours"
      sortable={false}
      render={(r) => (r.giftHours ? `${r.hours ?? '—'} + ${r.giftHours}` : (r.hours ?? '—'))}
    />
    <YuanField source="amountFen" />
    <YuanField source="escrowFen" />
    <TextField source="courseStartsOn" sortable={false} />
    <FeeStatusField source="status" />
    <OrderActions />
  </FeeList>
);

export const feeOrders: ResourceProps = {
  name: 'fee-orders',
  list: withFeesData(OrderList),
  icon: ReceiptLongIcon,
};
