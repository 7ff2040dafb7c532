import EventNoteIcon from '@mui/icons-material/EventNote';
import { ResourceProps, TextField, TextInput } from 'react-admin';
import { ListActions } from '../layout/ListActions';
import { ExportField } from '../providers/csv-exporter';
import { withFeesData } from './fees-data';
import { LESSON_STATUSES } from './fees-file';
import { CodeField, FeeStatusField, InstitutionField, FeeList, statusExport, statusFilter } from './shared';

type Lesson = Record<string, unknown> & { status: string; mode: string };

const exportFields: ExportField<Lesson>[] = [
  { source: 'orderId' },
  { source: 'institutionId' },
  { source: 'date' },
  { source: 'start' },
  { source: 'durationMinutes' },
  { source: 'mode', render: (r, t) => t(`otr.scopes.${r.mode}`, { _: r.mode }) },
  { source: 'hours' },
  { source: 'students' },
  statusExport('status'),
  { source: 'confirmBy' },
  { source: 'disputeReason' },
];

const filters = [statusFilter('status', LESSON_STATUSES), <TextInput key="orderId" source="orderId" />];

/**
 * Lessons (课消) the institutions recorded, newest first: each waits for the family until its
 * deadline, then is deemed confirmed and releases its share of the order's escrow.
 */
const LessonList = () => (
  <FeeList
    resource="fee-lessons"
    exportFields={exportFields}
    filters={filters}
    actions={<ListActions filters />}
  >
    <TextField source="date" sortable={false} />
    <TextField source="start" sortable={false} />
    <TextField source="durationMinutes" sortable={false} />
    <CodeField source="mode" prefix="otr.scopes" />
    <TextField source="hours" sortable={false} />
    <TextField source="students" sortable={false} />
    <InstitutionField source="institutionId" />
    <TextField source="orderId" sortable={false} />
    <FeeStatusField source="status" />
    <TextField source="confirmBy" sortable={false} />
    <TextField source="disputeReason" sortable={false} emptyText="" />
  </FeeList>
);

export const feeLessons: ResourceProps = {
  name: 'fee-lessons',
  list: withFeesData(LessonList),
  icon: EventNoteIcon,
};
