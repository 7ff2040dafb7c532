import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Divider,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import NotificationsIcon from '@mui/icons-material/NotificationsNone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { adaptNotifications, consoleRoute, NotificationFeed } from '../providers/notifications';
import { NOTIFICATIONS_URL } from '../providers/resources';
import { apiFetch } from '../providers/session';

const POLL_MS = 60_000;

async function readFeed(locale: string): Promise<NotificationFeed> {
  try {
    const res = await apiFetch(`${NOTIFICATIONS_URL}?locale=${encodeURIComponent(locale)}`);
    return adaptNotifications(res.status, await res.json().catch(() => null));
  } catch {
    return { state: 'unavailable' };
  }
}

/** The work waiting for the official, polled every minute while the page is visible. */
export function NotificationBell() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const [feed, setFeed] = useState<NotificationFeed | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  useEffect(() => {
    let alive = true;
    const poll = () => {
      if (document.visibilityState === 'hidden') return;
      void readFeed(locale).then((f) => alive && setFeed(f));
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [locale]);

  const unread = feed?.state === 'ok' ? feed.unread : 0;
  const summary =
    feed?.state === 'ok'
      ? unread
        ? t('otr.notifications.unread', { smart_count: unread })
        : t('otr.notifications.none')
      : feed?.state === 'unavailable'
        ? t('otr.notifications.unavailable')
        : feed?.state === 'error'
          ? t('otr.notifications.error')
          : t('otr.notifications.title');

  return (
    <>
      <Tooltip title={summary}>
        <IconButton
          color="inherit"
          aria-label={`${t('otr.notifications.title')}: ${summary}`}
          onClick={(e) => setAnchor(e.currentTarget)}
          data-testid="notification-bell"
        >
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 340, maxWidth: 'calc(100vw - 24px)' } } }}
      >
        <Box sx={{ px: 2, py: 1.5 }}>
          <Typography variant="subtitle1">{t('otr.notifications.title')}</Typography>
        </Box>
        <Divider />
        {feed?.state === 'ok' && feed.items.length > 0 ? (
          <List dense sx={{ maxHeight: 360, overflow: 'auto' }}>
            {feed.items.map((n) => {
              const route = consoleRoute(n.link);
              return (
                <ListItemButton
                  key={n.id}
                  disabled={!route}
                  onClick={() => {
                    setAnchor(null);
                    if (route) navigate(route);
                  }}
                  sx={{ alignItems: 'flex-start', fontWeight: n.read ? 400 : 600 }}
                >
                  <ListItemText
                    primary={n.title}
                    secondary={[
                      n.body,
                      n.createdAt ? new Date(n.createdAt).toLocaleString(locale) : undefined,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    slotProps={{ primary: { sx: { fontWeight: n.read ? 400 : 600 } } }}
                  />
                </ListItemButton>
              );
            })}
          </List>
        ) : (
          <Box sx={{ px: 2, py: 3, textAlign: 'center', color: 'text.secondary' }}>
            {feed?.state === 'unavailable' && <CloudOffIcon sx={{ mb: 1 }} />}
            <Typography variant="body2">{summary}</Typography>
            {feed?.state === 'unavailable' && (
              <Typography variant="caption" component="p" sx={{ mt: 1 }}>
                {t('otr.notifications.unavailableDetail')}
              </Typography>
            )}
          </Box>
        )}
      </Popover>
    </>
  );
}
