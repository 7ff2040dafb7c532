import PeopleIcon from '@mui/icons-material/People';
import { Chip } from '@mui/material';
import {
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  FunctionField,
  List,
  PasswordInput,
  required,
  ResourceProps,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { Department, Role } from '@otr/auth/browser';
import { jurisdictionName } from '../i18n/jurisdictions';
import { gridSx, ListActions } from '../layout/ListActions';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';

type User = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string | null;
  jurisdiction: string;
  institutionId?: string | null;
  disabled: boolean;
  lockedUntil?: string | null;
};

const roleChoices = Role.options.map((id) => ({ id, name: `otr.roles.${id}` }));
const departmentChoices = Department.options.map((id) => ({ id, name: `otr.departments.${id}` }));

const exportFields: ExportField<User>[] = [
  { source: 'username' },
  { source: 'displayName' },
  { source: 'roles', render: (r, t) => (r.roles ?? []).map((x) => t(`otr.roles.${x}`, { _: x })) },
  { source: 'department', render: (r, t) => (r.department ? t(`otr.departments.${r.department}`) : '') },
  {
    source: 'jurisdiction',
    render: (r, _t, locale) => `${jurisdictionName(r.jurisdiction, locale)} (${r.jurisdiction})`,
  },
  { source: 'disabled', render: (r, t) => t(`ra.boolean.${!!r.disabled}`) },
  { source: 'lockedUntil' },
];

/** Active, disabled by an administrator, or locked after failed sign-ins. */
function AccountStatus({ user }: { user: User }) {
  const t = useTranslate();
  const locked = !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
  const [key, color] = user.disabled
    ? (['disabled', 'default'] as const)
    : locked
      ? (['locked', 'warning'] as const)
      : (['enabled', 'success'] as const);
  return <Chip size="small" variant="outlined" color={color} label={t(`otr.user.${key}`)} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
];

export const UserList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  const exporter = useCsvExporter('users', exportFields);
  const roles = (r: User) => (r.roles ?? []).map((x) => t(`otr.roles.${x}`, { _: x })).join('、');
  return (
    <List filters={filters} actions={<ListActions create />} exporter={exporter}>
      {small ? (
        <SimpleList<User>
          primaryText={(r) => `${r.displayName}（${r.username}）`}
          secondaryText={(r) => `${roles(r)} · ${jurisdictionName(r.jurisdiction, locale)}`}
          linkType="edit"
        />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false} sx={gridSx}>
          <TextField source="username" />
          <TextField source="displayName" />
          <FunctionField<User> source="roles" sortable={false} render={roles} />
          <FunctionField<User>
            source="department"
            sortable={false}
            render={(r) => (r.department ? t(`otr.departments.${r.department}`, { _: r.department }) : '')}
          />
          <FunctionField<User>
            source="jurisdiction"
            render={(r) => jurisdictionName(r.jurisdiction, locale)}
          />
          <FunctionField<User> label="otr.user.status" render={(r) => <AccountStatus user={r} />} />
          <DateField source="lockedUntil" showTime emptyText="" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

const jurisdictionCode = (v: string) =>
  v && !/^CN(-[A-Z0-9]+){0,3}$/.test(v) ? 'CN-ZJ-HZ / CN-ZJ-HZ-XH' : undefined;

const fields = (
  <>
    <TextInput source="displayName" validate={required()} />
    <SelectArrayInput source="roles" choices={roleChoices} validate={required()} />
    <SelectInput source="department" choices={departmentChoices} />
    <TextInput
      source="jurisdiction"
      validate={[required(), jurisdictionCode]}
      helperText="CN-ZJ-HZ（杭州市）/ CN-ZJ-HZ-XH（西湖区）"
    />
    <TextInput source="institutionId" />
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

export const users: ResourceProps = {
  name: 'users',
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  recordRepresentation: 'username',
};
