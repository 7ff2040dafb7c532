import { ReactNode } from 'react';
import { Box, Chip, MenuItem, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  useGetIdentity,
  useLocaleState,
  UserMenu,
  useTranslate,
} from 'react-admin';
import { jurisdictionPath } from '../i18n/jurisdictions';
import { NotificationBell } from './NotificationBell';

/** Who is signed in: name, roles, department and jurisdiction, shown in the user menu. */
function IdentityCard() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const { data: me } = useGetIdentity();
  if (!me) return null;
  return (
    <MenuItem disabled sx={{ opacity: '1 !important', display: 'block', py: 1.5, minWidth: 240 }}>
      <Typography variant="subtitle1">{me.fullName}</Typography>
      <Stack direction="row" spacing={0.5} sx={{ my: 0.5, flexWrap: 'wrap' }}>
        {(me.roles as string[]).map((r) => (
          <Chip
            key={r}
            size="small"
            label={t(`otr.roles.${r}`, { _: r })}
            color="primary"
            variant="outlined"
          />
        ))}
      </Stack>
      {me.department && (
        <Typography variant="body2" color="text.secondary">
          {t('otr.user.department')}：{t(`otr.departments.${me.department}`, { _: me.department })}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('otr.user.jurisdiction')}：{jurisdictionPath(me.jurisdiction, locale)}
      </Typography>
    </MenuItem>
  );
}

const OtrUserMenu = () => (
  <UserMenu>
    <IdentityCard />
    <Logout />
  </UserMenu>
);

/** The platform's name beside the page title; on a phone only the emblem shows. */
function Brand() {
  const t = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mr: 2, flexShrink: 0 }}>
      <AccountBalanceIcon fontSize="small" />
      {!small && (
        <Box>
          <Typography sx={{ fontWeight: 700, letterSpacing: 1, lineHeight: 1.2 }}>
            {t('otr.title')}
          </Typography>
          <Typography variant="caption" sx={{ opacity: 0.8, lineHeight: 1 }}>
            {t('otr.subtitle')}
          </Typography>
        </Box>
      )}
    </Stack>
  );
}

const OtrAppBar = () => (
  <AppBar
    color="secondary"
    userMenu={<OtrUserMenu />}
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
      </>
    }
  >
    <Brand />
    <Box sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      <TitlePortal variant="body1" sx={{ opacity: 0.9 }} />
    </Box>
  </AppBar>
);

/** react-admin's responsive layout: a sidebar on a laptop, a drawer on a phone. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={OtrAppBar}>{children}</RaLayout>
);
