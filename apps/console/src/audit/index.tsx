import { Datagrid, DateField, List, NumberField, TextField, TextInput } from 'react-admin';
import { exporterFor } from '../providers/csv-exporter';

/** The append-only audit log, searchable by user, path and record. */
export const AuditList = () => (
  <List
    filters={[
      <TextInput key="userId" source="userId" alwaysOn />,
      <TextInput key="path" source="path" alwaysOn />,
      <TextInput key="recordId" source="recordId" />,
    ]}
    exporter={exporterFor('audit')}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateField source="at" showTime />
      <TextField source="userId" />
      <TextField source="role" />
      <TextField source="action" />
      <TextField source="recordId" />
      <NumberField source="status" />
    </Datagrid>
  </List>
);
