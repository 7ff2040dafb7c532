import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { colors } from '../layout/theme';
import { LogEntry, logOf, type ComplaintRecord, type Tone } from './complaint-file';

const TONE: Record<Tone, string> = {
  info: colors.primary,
  success: colors.green,
  warning: colors.amber,
  error: colors.red,
};

/** Who acted: an official's department and account, or the complainant, the institution, the system. */
function Actor({ actor }: { actor: NonNullable<LogEntry['actor']> }) {
  const t = useTranslate();
  const who =
    actor.kind === 'official'
      ? [actor.department && t(`otr.departments.${actor.department}`, { _: actor.department }), actor.userId]
          .filter(Boolean)
          .join(' · ')
      : t(`otr.complaints.actors.${actor.kind}`, { _: actor.kind });
  return (
    <Typography variant="body2" color="text.secondary" component="span">
      {who}
    </Typography>
  );
}

/** The complaint's history as a vertical timeline, oldest first (Beijing time). */
export function ActionLog({ complaint }: { complaint: ComplaintRecord }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const entries = logOf(complaint);
  if (!entries.length) return <Typography color="text.secondary">{t('otr.complaints.none')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="action-log">
      {entries.map((e, i) => (
        <Box
          component="li"
          key={`${e.at}-${i}`}
          sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: `2px solid ${colors.border}`, ml: 0.75 }}
        >
          <Box
            sx={{
              position: 'absolute',
              left: -8,
              top: 2,
              width: 14,
              height: 14,
              borderRadius: '50%',
              bgcolor: '#fff',
              border: `3px solid ${TONE[e.tone]}`,
            }}
          />
          <Typography variant="subtitle2" component="span" sx={{ mr: 1 }}>
            {t(e.key, { _: e.key.split('.').pop() })}
          </Typography>
          <Typography variant="body2" color="text.secondary" component="span" sx={{ mr: 1 }}>
            {new Date(e.at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })}
          </Typography>
          {e.actor && <Actor actor={e.actor} />}
          {e.note && (
            <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.note}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
