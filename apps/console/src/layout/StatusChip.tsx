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
  // complaints (complaints/complaint-file.ts)
  accepted: 'primary',
  routed: 'primary',
  signed: 'info',
  handling: 'info',
  replied: 'warning',
  'called-back': 'success',
  rated: 'success',
  merged: 'default',
};

/** An application, license, request or complaint status as a coloured label (its words under `prefix`). */
export function StatusChip({ status, prefix = 'otr.statuses' }: { status?: string | null; prefix?: string }) {
  const t = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOR[status] ?? 'default'}
      label={t(`${prefix}.${status}`, { _: status })}
      sx={{ fontWeight: 500 }}
    />
  );
}
