import { useEffect, useState } from 'react';
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  TitlePortal,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiFetch } from '../providers/session';

/** New work for the signed-in user: applications waiting for a decision in their jurisdiction. */
function NotificationBell() {
  const t = useTranslate();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'approve' });
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!canAccess) return;
    const poll = () =>
      apiFetch('/api/registration/applications?status=submitted&pageSize=1')
        .then((r) => (r.ok ? r.json() : { total: 0 }))
        .then(
          (b) => setCount(b.total ?? 0),
          () => undefined,
        );
    poll();
    const timer = setInterval(poll, 60_000);
    return () => clearInterval(timer);
  }, [canAccess]);
  return (
    <Tooltip title={count ? `${t('otr.notifications.title')}: ${count}` : t('otr.notifications.none')}>
      <IconButton
        color="inherit"
        aria-label={t('otr.notifications.title')}
        onClick={() => navigate('/applications')}
      >
        <Badge badgeContent={count} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}

const OtrAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: React.ReactNode }) => (
  <RaLayout appBar={OtrAppBar}>{children}</RaLayout>
);
