import { Admin, Resource } from 'react-admin';
import AssignmentIcon from '@mui/icons-material/Assignment';
import SchoolIcon from '@mui/icons-material/School';
import TimelineIcon from '@mui/icons-material/Timeline';
import PeopleIcon from '@mui/icons-material/People';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ApplicationList, ApplicationShow } from './applications';
import { AuditList } from './audit';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/i18n-provider';
import { InstitutionList } from './institutions';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { TimelineList } from './timeline';
import { UserCreate, UserEdit, UserList } from './users';
import { theme } from './layout/theme';

/** The task-force console: each feature folder registers its resource here. */
export const App = () => (
  <Admin
    title="校外培训监管平台"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource
      name="applications"
      list={ApplicationList}
      show={ApplicationShow}
      icon={AssignmentIcon}
      recordRepresentation={(r) => r.form?.institutionName ?? r.institutionName}
    />
    <Resource name="institutions" list={InstitutionList} icon={SchoolIcon} />
    <Resource name="timeline" list={TimelineList} icon={TimelineIcon} />
    <Resource
      name="users"
      list={UserList}
      create={UserCreate}
      edit={UserEdit}
      icon={PeopleIcon}
      recordRepresentation="username"
    />
    <Resource name="audit" list={AuditList} icon={FactCheckIcon} />
  </Admin>
);
