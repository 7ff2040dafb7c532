import { Datagrid, DateField, FunctionField, List, SelectInput, TextInput, useTranslate } from 'react-admin';
import { exporterFor } from '../providers/csv-exporter';

const services = ['registration', 'inspection', 'fees', 'complaints'];

/** Key facts of an event, readable without opening the payload. */
const summary = (payload: Record<string, unknown>) =>
  Object.entries(payload)
    .filter(([, v]) => typeof v !== 'object')
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');

/** One institution's whole history, from every service, in order. */
export const TimelineList = () => {
  const t = useTranslate();
  return (
    <List
      filters={[
        <TextInput key="institutionId" source="institutionId" alwaysOn />,
        <SelectInput
          key="service"
          source="service"
          choices={services.map((id) => ({ id, name: `otr.services.${id}` }))}
          alwaysOn
        />,
      ]}
      exporter={exporterFor('timeline')}
      empty={false}
      disableSyncWithLocation={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="occurredAt" showTime />
        <FunctionField source="service" render={(r) => t(`otr.services.${r.service}`, { _: r.service })} />
        <FunctionField source="type" render={(r) => t(`otr.events.${r.type}`, { _: r.type })} />
        <FunctionField
          source="actor"
          render={(r) => [r.actor?.userId, r.actor?.department].filter(Boolean).join(' / ')}
        />
        <FunctionField label="" render={(r) => summary(r.payload ?? {})} />
      </Datagrid>
    </List>
  );
};
