import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { LocalesMenuButton, LoginForm, useTranslate } from 'react-admin';
import { colors } from '../layout/theme';

/**
 * The sign-in page: the platform's name and purpose, the form, and who to ask for help. It lists
 * no accounts, no passwords and nothing about the system's internals.
 */
export function LoginPage() {
  const t = useTranslate();
  const features = ['licensing', 'disclosure', 'complaints'];
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: `linear-gradient(160deg, ${colors.primaryDark} 0%, ${colors.primary} 55%, #2f6fbf 100%)`,
      }}
    >
      <Stack
        direction="row"

        sx={{
          alignItems: 'center',
          px: { xs: 2, md: 6 },
          py: 2,
          color: '#fff',
          borderBottom: '1px solid rgba(255,255,255,0.15)',
        }}
      >
        <AccountBalanceIcon sx={{ mr: 1.5 }} />
        <Box sx={{ flex: 1 }}>
          <Typography sx={{ fontWeight: 700, letterSpacing: 2, fontSize: { xs: 16, md: 20 } }}>
            {t('otr.title')}
          </Typography>
          <Typography variant="caption" sx={{ opacity: 0.85, letterSpacing: 1 }}>
            {t('otr.subtitle')}
          </Typography>
        </Box>
        <LocalesMenuButton />
      </Stack>

      <Box
        sx={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: { md: 10 },
          px: 2,
          py: { xs: 3, md: 6 },
        }}
      >
        <Box sx={{ color: '#fff', maxWidth: 460, display: { xs: 'none', md: 'block' } }}>
          <Typography variant="h4" sx={{ fontWeight: 700, letterSpacing: 3, mb: 2 }}>
            {t('otr.city')} · {t('otr.title')}
          </Typography>
          <Typography sx={{ opacity: 0.9, lineHeight: 1.9, mb: 3 }}>{t('otr.login.intro')}</Typography>
          <Stack spacing={1.5}>
            {features.map((f) => (
              <Stack sx={{ alignItems: 'center' }} key={f} direction="row" spacing={1.5}>
                <CheckCircleOutlineIcon sx={{ color: '#9cc3f0' }} />
                <Typography sx={{ letterSpacing: 1 }}>{t(`otr.login.features.${f}`)}</Typography>
              </Stack>
            ))}
          </Stack>
        </Box>

        <Card
          sx={{ width: 400, maxWidth: '100%', borderRadius: 2, boxShadow: '0 12px 40px rgba(0,0,0,0.25)' }}
        >
          <Box sx={{ height: 4, bgcolor: colors.accent, borderRadius: '8px 8px 0 0' }} />
          <CardContent sx={{ px: { xs: 2, sm: 4 }, pt: 4 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', mb: 1 }}>
              <LockOutlinedIcon color="primary" />
              <Typography variant="h5" component="h1">
                {t('otr.login.heading')}
              </Typography>
            </Stack>
            <Box
              sx={{
                '& .RaLoginForm-content': { width: '100% !important', px: 0, boxSizing: 'border-box' },
                '& .MuiCardContent-root': { px: 0 },
                '& .RaLoginForm-button': { py: 1.1, fontSize: 15, letterSpacing: 4 },
              }}
            >
              <LoginForm />
            </Box>
            <Divider sx={{ my: 2 }} />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('otr.login.notice')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('otr.login.help')}
            </Typography>
          </CardContent>
        </Card>
      </Box>

      <Typography variant="caption" sx={{ color: 'rgba(255,255,255,0.7)', textAlign: 'center', py: 2 }}>
        {t('otr.login.footer')}
      </Typography>
    </Box>
  );
}
