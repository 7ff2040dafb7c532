import { lazy, Suspense } from 'react';
import { Admin, Loading, Resource } from 'react-admin';
import { LoginPage } from './auth/LoginPage';
import { i18nProvider } from './i18n/i18n-provider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { resources } from './resources';

/** The dashboard and its charts load after sign-in, keeping the sign-in page light. */
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const DashboardPage = () => (
  <Suspense fallback={<Loading />}>
    <Dashboard />
  </Suspense>
);

/** The task-force console; its screens come from resources.tsx. */
export const App = () => (
  <Admin
    title="校外培训监管平台"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={DashboardPage}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    // No requireAuth: with it react-admin re-mounted its logout on every store reset, hundreds of
    // redirects before the sign-in form (12–15 s blank). Screens still check the session, and the
    // gateway refuses every anonymous call.
    disableTelemetry
  >
    {resources.map((r) => (
      <Resource key={r.name} {...r} />
    ))}
  </Admin>
);
