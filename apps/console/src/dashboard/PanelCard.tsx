import { ReactNode } from 'react';
import { Box, Card, CardContent, CircularProgress, Grid, GridProps, Stack, Typography } from '@mui/material';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useTranslate } from 'react-admin';
import type { PanelData } from '../providers/dashboard-provider';
import { colors } from '../layout/theme';

interface PanelCardProps<T> {
  title: string;
  icon?: ReactNode;
  panel: PanelData<T> | undefined;
  /** The translation key of the service's name (otr.services.*). */
  service: string;
  url: string;
  footer?: ReactNode;
  minHeight?: number;
  children: (data: T, source: 'stats' | 'derived') => ReactNode;
}

/** A dashboard card: its figures when the service answers, otherwise an honest statement of why not. */
export function PanelCard<T>({
  title,
  icon,
  panel,
  service,
  url,
  footer,
  minHeight = 150,
  children,
}: PanelCardProps<T>) {
  const t = useTranslate();
  let body: ReactNode;
  if (!panel) body = <CircularProgress size={24} sx={{ m: 'auto' }} />;
  else if (panel.state === 'ok') body = children(panel.data, panel.source);
  else {
    const [Icon, text, detail] =
      panel.state === 'unavailable'
        ? [
            CloudOffIcon,
            t('otr.dashboard.notConnected', { service: t(`otr.services.${service}`) }),
            t('otr.dashboard.notConnectedDetail', { url, status: panel.status || '—' }),
          ]
        : panel.state === 'forbidden'
          ? [LockOutlinedIcon, t('otr.dashboard.forbidden'), '']
          : [ErrorOutlineIcon, t('otr.dashboard.error', { message: panel.message }), ''];
    body = (
      <Stack
        spacing={0.5}
        sx={{ alignItems: 'center', justifyContent: 'center', m: 'auto', textAlign: 'center', py: 2 }}
        data-testid="panel-no-data"
      >
        <Icon sx={{ color: '#b0b8c4' }} />
        <Typography variant="body2" sx={{ fontWeight: 600, color: colors.muted }}>
          {t('otr.dashboard.noData')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {text}
        </Typography>
        {detail && (
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ opacity: 0.8, overflowWrap: 'anywhere' }}
          >
            {detail}
          </Typography>
        )}
      </Stack>
    );
  }
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', px: 2, pt: 1.5, pb: 1, borderBottom: `1px solid ${colors.border}` }}
      >
        {icon && <Box sx={{ color: colors.primary, display: 'flex' }}>{icon}</Box>}
        <Typography variant="subtitle1" component="h2" sx={{ fontSize: 15 }}>
          {title}
        </Typography>
      </Stack>
      <CardContent
        sx={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight, '&:last-child': { pb: 2 } }}
      >
        {body}
      </CardContent>
      {footer && panel?.state === 'ok' && <Box sx={{ px: 2, pb: 1.5 }}>{footer}</Box>}
    </Card>
  );
}

/** A card in the dashboard's grid, shown only when the role has the panel. */
export function Tile<T>({
  show,
  size,
  ...card
}: PanelCardProps<T> & { show: boolean; size: GridProps['size'] }) {
  if (!show) return null;
  return (
    <Grid size={size}>
      <PanelCard {...card} />
    </Grid>
  );
}

/** A big number with its label; `null` means the figure is not provided, shown as a dash. */
export function Figure({
  label,
  value,
  color,
  hint,
  atLeast = false,
}: {
  label: string;
  value: number | null;
  color?: string;
  hint?: string;
  /** The value is a lower bound (a capped count): shown as "10,000+". */
  atLeast?: boolean;
}) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        sx={{
          fontSize: 32,
          fontWeight: 700,
          lineHeight: 1.3,
          color: value === null ? '#b0b8c4' : (color ?? colors.primaryDark),
        }}
      >
        {value === null ? '—' : `${value.toLocaleString()}${atLeast ? '+' : ''}`}
      </Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      )}
    </Box>
  );
}
