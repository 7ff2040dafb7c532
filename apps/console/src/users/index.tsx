import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  PasswordInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import { exporterFor } from '../providers/csv-exporter';

const roles = [
  'approver',
  'inspector',
  'task-force-officer',
  'fund-supervisor',
  'spot-check-planner',
  'institution-operator',
  'viewer',
  'administrator',
];
const departments = [
  'education',
  'market-regulation',
  'public-security',
  'fire',
  'civil-affairs',
  'hrss',
  'health',
  'science',
  'culture-tourism',
  'sports',
];
const roleChoices = roles.map((id) => ({ id, name: `otr.roles.${id}` }));
const departmentChoices = departments.map((id) => ({ id, name: `otr.departments.${id}` }));

export const UserList = () => {
  const t = useTranslate();
  return (
    <List filters={[<TextInput key="q" source="q" alwaysOn />]} exporter={exporterFor('users')}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="displayName" />
        <FunctionField
          source="roles"
          render={(r) => r.roles.map((x: string) => t(`otr.roles.${x}`)).join('、')}
        />
        <FunctionField
          source="department"
          render={(r) => (r.department ? t(`otr.departments.${r.department}`) : '')}
        />
        <TextField source="jurisdiction" />
        <BooleanField source="disabled" />
      </Datagrid>
    </List>
  );
};

const fields = (
  <>
    <TextInput source="displayName" validate={required()} />
    <SelectArrayInput source="roles" choices={roleChoices} validate={required()} />
    <SelectInput source="department" choices={departmentChoices} />
    <TextInput source="jurisdiction" validate={required()} helperText="CN-ZJ-HZ / CN-ZJ-HZ-XH" />
  </>
);

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="username" validate={required()} />
      {fields}
      <PasswordInput source="password" validate={required()} />
    </SimpleForm>
  </Create>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      {fields}
      <BooleanInput source="disabled" />
    </SimpleForm>
  </Edit>
);
