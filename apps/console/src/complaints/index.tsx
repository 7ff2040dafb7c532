import BarChartIcon from '@mui/icons-material/BarChart';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { Button, Stack } from '@mui/material';
import { useMemo } from 'react';
import { Link, Route } from 'react-router-dom';
import {
  CanAccess,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ResourceProps,
  SelectInput,
  SimpleList,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { Department } from '@otr/auth/browser';
import { can } from '../auth/permissions';
import { districtChoices, jurisdictionName } from '../i18n/jurisdictions';
import { gridSx, ListActions } from '../layout/ListActions';
import { StatusChip } from '../layout/StatusChip';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { session } from '../providers/session';
import { AWAITING, COMPLAINT_STATUSES, SLA_COLOURS, SlaColour } from './complaint-file';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintRatesPage } from './ComplaintRates';
import { ComplaintShow } from './ComplaintShow';
import { SlaChip } from './SlaChip';

/** A row of the work queue (GET /complaints). */
type QueueItem = {
  id: string;
  trackingNumber: string;
  kind: string;
  category: string;
  status: string;
  subjectName: string;
  district: string;
  lead: string | null;
  deadline: { stage: string; due: string } | null;
  colour: SlaColour | null;
  awaiting: string | null;
  filedAt: string;
};

type Translate = (key: string, options?: Record<string, unknown>) => string;
/** A code in the user's language: otr.complaints.<group>.<code>. */
const word = (group: string) => (code: string | null | undefined, t: Translate) =>
  code ? t(`otr.complaints.${group}.${code}`, { _: code }) : '';

const exportFields: ExportField<QueueItem>[] = [
  { source: 'trackingNumber' },
  { source: 'colour', render: (r, t) => (r.colour ? t(`otr.dashboard.sla.${r.colour}`) : '') },
  { source: 'deadline', render: (r) => r.deadline?.due ?? '' },
  { source: 'subjectName' },
  { source: 'category', render: (r, t) => word('categories')(r.category, t) },
  { source: 'kind', render: (r, t) => word('kinds')(r.kind, t) },
  { source: 'status', render: (r, t) => word('statuses')(r.status, t) },
  { source: 'lead', render: (r, t) => (r.lead ? t(`otr.departments.${r.lead}`, { _: r.lead }) : '') },
  { source: 'awaiting', render: (r, t) => word('awaiting')(r.awaiting, t) },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'filedAt' },
];

const choices = (ids: readonly string[], prefix: string) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));

/** One filter per SLA colour and per kind of waiting work, then status, department and district. */
function useFilters() {
  const [locale = 'zh-CN'] = useLocaleState();
  return useMemo(
    () => [
      <SelectInput
        key="colour"
        source="colour"
        choices={choices(SLA_COLOURS, 'otr.dashboard.sla')}
        alwaysOn
      />,
      <SelectInput
        key="awaiting"
        source="awaiting"
        choices={choices(AWAITING, 'otr.complaints.awaiting')}
        alwaysOn
      />,
      <SelectInput
        key="status"
        source="status"
        choices={choices(COMPLAINT_STATUSES, 'otr.complaints.statuses')}
        alwaysOn
      />,
      <SelectInput
        key="department"
        source="department"
        choices={choices(Department.options, 'otr.departments')}
        alwaysOn
      />,
      <SelectInput
        key="district"
        source="district"
        choices={districtChoices(locale)}
        translateChoice={false}
      />,
    ],
    [locale],
  );
}

/** The queue's toolbar, with the way to the rates (办理统计) for those who may see them. */
function QueueActions({ create }: { create: boolean }) {
  const t = useTranslate();
  return (
    <Stack direction="row" sx={{ alignItems: 'flex-end' }}>
      <CanAccess action="rates">
        <Button
          component={Link}
          to="/complaints/rates"
          size="small"
          startIcon={<BarChartIcon />}
          sx={{ mb: 1 }}
        >
          {t('otr.complaints.rates.link')}
        </Button>
      </CanAccess>
      <ListActions create={create} filters />
    </Stack>
  );
}

/**
 * The work queue (工单池): open complaints in the official's jurisdiction, the own department's
 * first by default, soonest deadline first with its SLA colour; the operator's are those about
 * their institution.
 */
export const ComplaintList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const filters = useFilters();
  const exporter = useCsvExporter('complaints', exportFields);
  const user = session.get()?.user;
  const department = user?.department;
  return (
    <List
      filters={filters}
      filterDefaultValues={department ? { department } : {}}
      actions={<QueueActions create={can(user?.roles ?? [], 'complaints', 'create')} />}
      exporter={exporter}
    >
      {small ? (
        <SimpleList<QueueItem>
          primaryText={(r) => r.subjectName}
          secondaryText={(r) => `${r.trackingNumber} · ${word('categories')(r.category, t)}`}
          tertiaryText={(r) => <SlaChip colour={r.colour} deadline={r.deadline} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx}>
          <TextField source="trackingNumber" sortable={false} />
          <FunctionField<QueueItem>
            source="colour"
            sortable={false}
            render={(r) => <SlaChip colour={r.colour} deadline={r.deadline} />}
          />
          <TextField source="subjectName" sortable={false} />
          <FunctionField<QueueItem>
            source="category"
            sortable={false}
            render={(r) => word('categories')(r.category, t)}
          />
          <FunctionField<QueueItem> source="kind" sortable={false} render={(r) => word('kinds')(r.kind, t)} />
          <FunctionField<QueueItem>
            source="status"
            sortable={false}
            render={(r) => <StatusChip status={r.status} prefix="otr.complaints.statuses" />}
          />
          <FunctionField<QueueItem>
            source="lead"
            sortable={false}
            render={(r) => (r.lead ? t(`otr.departments.${r.lead}`, { _: r.lead }) : '')}
          />
          <FunctionField<QueueItem>
            source="awaiting"
            sortable={false}
            render={(r) => word('awaiting')(r.awaiting, t)}
          />
          <FunctionField<QueueItem>
            source="district"
            sortable={false}
            render={(r) => jurisdictionName(r.district, locale)}
          />
          <DateField source="filedAt" showTime sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

export const complaints: ResourceProps = {
  name: 'complaints',
  list: ComplaintList,
  show: ComplaintShow,
  create: ComplaintCreate,
  icon: RecordVoiceOverIcon,
  recordRepresentation: (r) => r.trackingNumber,
  children: <Route path="rates" element={<ComplaintRatesPage />} />,
};
