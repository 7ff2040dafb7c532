import TimelineIcon from '@mui/icons-material/Timeline';
import {
  DateInput,
  List,
  Loading,
  ResourceProps,
  SelectInput,
  useGetIdentity,
  useListContext,
} from 'react-admin';
import { ListActions } from '../layout/ListActions';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import { eventTypes, factsOf, SERVICES } from './event-catalogue';
import { InstitutionPicker } from './InstitutionPicker';
import { TimelineEvent, TimelineView } from './TimelineView';

const exportFields: ExportField<TimelineEvent & Record<string, unknown>>[] = [
  {
    source: 'occurredAt',
    render: (r, _t, locale) => new Date(r.occurredAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' }),
  },
  { source: 'service', render: (r, t) => t(`otr.services.${r.service}`, { _: r.service ?? '' }) },
  { source: 'type', render: (r, t) => t(`otr.events.${r.type}`, { _: r.type }) },
  {
    source: 'actor',
    render: (r, t) =>
      [
        r.actor?.department ? t(`otr.departments.${r.actor.department}`, { _: r.actor.department }) : '',
        r.actor?.role && r.actor.role !== 'system'
          ? t(`otr.roles.${r.actor.role}`, { _: r.actor.role })
          : t('otr.timeline.system'),
      ]
        .filter(Boolean)
        .join(' · '),
  },
  {
    source: 'facts',
    render: (r, t) =>
      factsOf(r.type, r.payload)
        .map(
          (f) =>
            `${t(`otr.facts.${f.key}`, { _: f.key })}：${typeof f.value === 'object' ? JSON.stringify(f.value) : String(f.value)}`,
        )
        .join('；'),
  },
];

/** The event-type filter offers the types of the chosen service. */
function TypeInput({ source }: { source: string; alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  return (
    <SelectInput
      source={source}
      emptyText="otr.timeline.anyType"
      choices={eventTypes(filterValues.service).map((id) => ({ id, name: `otr.events.${id}` }))}
    />
  );
}

const filters = [
  <InstitutionPicker key="institutionId" source="institutionId" alwaysOn />,
  <SelectInput
    key="service"
    source="service"
    alwaysOn
    emptyText="otr.timeline.anyService"
    choices={SERVICES.map((id) => ({ id, name: `otr.services.${id}` }))}
  />,
  <TypeInput key="type" source="type" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

/** One place to see an institution's whole history from every service, in order. */
export const TimelineList = () => {
  const { data: me, isPending } = useGetIdentity();
  const exporter = useCsvExporter('timeline', exportFields);
  if (isPending) return <Loading />;
  return (
    <List
      filters={filters}
      filterDefaultValues={me?.institutionId ? { institutionId: me.institutionId } : undefined}
      actions={<ListActions />}
      exporter={exporter}
      empty={false}
      perPage={50}
      sort={{ field: 'occurredAt', order: 'ASC' }}
      pagination={false}
    >
      <TimelineView />
    </List>
  );
};

export const timeline: ResourceProps = { name: 'timeline', list: TimelineList, icon: TimelineIcon };
