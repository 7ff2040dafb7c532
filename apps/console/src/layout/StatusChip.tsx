import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

const COLOR: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  submitted: 'primary',
  pending: 'primary',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  active: 'success',
  suspended: 'warning',
  revoked: 'error',
  expired: 'default',
  closed: 'default',
};

/** An application, license or request status as a coloured label. */
export function StatusChip({ status }: { status?: string | null }) {
  const t = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOR[status] ?? 'default'}
      label={t(`otr.statuses.${status}`, { _: status })}
      sx={{ fontWeight: 500 }}
    />
  );
}
