import { Box, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Loading, Pagination, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { jurisdictionName } from '../i18n/jurisdictions';
import { colors } from '../layout/theme';
import { Fact, factsOf, institutionNameOf, serviceOf, Tone, toneOf } from './event-catalogue';
import { knownInstitution } from './routes';

export interface TimelineEvent {
  id: string;
  type: string;
  service?: string;
  occurredAt: string;
  actor?: { userId?: string; role?: string; department?: string };
  payload?: Record<string, unknown>;
}

const TONE: Record<Tone, string> = {
  info: colors.primary,
  success: colors.green,
  warning: colors.amber,
  error: colors.red,
  neutral: '#8a94a3',
};

const BEIJING = 'Asia/Shanghai';

function FactValue({ fact }: { fact: Fact }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const v = fact.value;
  switch (fact.kind) {
    case 'category':
      return <>{t(`otr.categories.${v}`, { _: String(v) })}</>;
    case 'scopes':
      return (
        <>{(Array.isArray(v) ? v : [v]).map((s) => t(`otr.scopes.${s}`, { _: String(s) })).join('、')}</>
      );
    case 'department':
      return <>{t(`otr.departments.${v}`, { _: String(v) })}</>;
    case 'district':
      return <>{jurisdictionName(String(v), locale)}</>;
    case 'legalForm':
      return <>{t(`otr.legalForms.${v}`, { _: String(v) })}</>;
    case 'opinion':
      return (
        <Chip
          size="small"
          color={v ? 'success' : 'warning'}
          variant="outlined"
          label={v ? t('otr.actions.agree') : t('otr.actions.disagree')}
        />
      );
    case 'items':
      return (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {(Array.isArray(v) ? v : []).map((item: { field?: string; reason?: string }, i) => (
            <li key={i}>
              {item.field ? `${item.field}：` : ''}
              {item.reason}
            </li>
          ))}
        </Box>
      );
    default:
      return <>{typeof v === 'boolean' ? t(`ra.boolean.${v}`) : String(v)}</>;
  }
}

function Actor({ actor }: { actor?: TimelineEvent['actor'] }) {
  const t = useTranslate();
  if (!actor) return null;
  const who =
    !actor.role || actor.role === 'system'
      ? t('otr.timeline.system')
      : t(`otr.roles.${actor.role}`, { _: actor.role });
  const dept = actor.department ? t(`otr.departments.${actor.department}`, { _: actor.department }) : '';
  return (
    <Tooltip title={actor.userId ?? ''}>
      <Typography variant="body2" color="text.secondary" component="span">
        {t('otr.timeline.by')}：{[dept, who].filter(Boolean).join(' · ')}
      </Typography>
    </Tooltip>
  );
}

function EventCard({ event }: { event: TimelineEvent }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const tone = TONE[toneOf(event.type, event.payload)];
  const facts = factsOf(event.type, event.payload);
  const service = event.service ?? serviceOf(event.type);
  const time = new Date(event.occurredAt).toLocaleTimeString(locale, {
    timeZone: BEIJING,
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <Box sx={{ display: 'flex', gap: 1.5, position: 'relative', pb: 2 }} data-testid="timeline-event">
      <Box sx={{ width: 48, flexShrink: 0, textAlign: 'right', pt: 0.25 }}>
        <Typography variant="body2" color="text.secondary">
          {time}
        </Typography>
      </Box>
      <Box sx={{ position: 'relative', width: 14, flexShrink: 0 }}>
        <Box sx={{ position: 'absolute', left: 6, top: 0, bottom: -16, width: 2, bgcolor: colors.border }} />
        <Box
          sx={{
            position: 'absolute',
            left: 1,
            top: 4,
            width: 12,
            height: 12,
            borderRadius: '50%',
            bgcolor: '#fff',
            border: `3px solid ${tone}`,
          }}
        />
      </Box>
      <Card sx={{ flex: 1, minWidth: 0, borderLeft: `3px solid ${tone}` }}>
        <CardContent sx={{ py: 1.25, '&:last-child': { pb: 1.25 } }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <Typography variant="subtitle1" component="h3">
              {t(`otr.events.${event.type}`, { _: event.type })}
            </Typography>
            <Chip size="small" label={t(`otr.services.${service}`, { _: service })} />
            <Box sx={{ flex: 1 }} />
            <Actor actor={event.actor} />
          </Stack>
          {facts.length > 0 && (
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
                columnGap: 2,
                rowGap: 0.5,
                m: 0,
                mt: 1,
                '& dt': { color: 'text.secondary', fontSize: 13 },
                '& dd': { m: 0, fontSize: 14, overflowWrap: 'anywhere' },
              }}
            >
              {facts.map((f) => (
                <Box key={f.key} sx={{ display: 'contents' }}>
                  <dt>{t(`otr.facts.${f.key}`, { _: f.key })}</dt>
                  <dd>
                    <FactValue fact={f} />
                  </dd>
                </Box>
              ))}
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

function Prompt({ text, hint }: { text: string; hint?: string }) {
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, color: 'text.secondary' }}>
      <ManageSearchIcon sx={{ fontSize: 56, color: colors.border }} />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {text}
      </Typography>
      {hint && (
        <Typography variant="body2" sx={{ maxWidth: 520, mx: 'auto', mt: 1 }}>
          {hint}
        </Typography>
      )}
    </Box>
  );
}

/** One institution's events from every service, oldest first, grouped by day (Beijing time). */
export function TimelineView() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data, isPending, filterValues, total, error } = useListContext<TimelineEvent>();
  const institutionId = filterValues.institutionId as string | undefined;
  if (!institutionId) return <Prompt text={t('otr.timeline.pick')} hint={t('otr.timeline.pickHint')} />;
  if (error)
    return (
      <Prompt
        text={
          (error as { status?: number }).status === 403
            ? t('otr.timeline.outside')
            : t('otr.timeline.failed', { message: error.message })
        }
      />
    );
  if (isPending) return <Loading />;
  const events = data ?? [];
  const known = knownInstitution(institutionId);
  const name = known?.name ?? institutionNameOf(events);
  const days = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const day = new Date(e.occurredAt).toLocaleDateString(locale, {
      timeZone: BEIJING,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    });
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 2, flexWrap: 'wrap' }}>
        {name && <Typography variant="h6">{name}</Typography>}
        {known?.licenseNumber && <Typography color="text.secondary">{known.licenseNumber}</Typography>}
        <Typography color="text.secondary">{t('otr.timeline.total', { total: total ?? 0 })}</Typography>
      </Stack>
      {events.length === 0 ? (
        <Prompt text={t('otr.timeline.empty')} />
      ) : (
        [...days.entries()].map(([day, list]) => (
          <Box key={day} component="section">
            <Typography
              variant="subtitle2"
              component="h2"
              sx={{ color: colors.primary, fontWeight: 700, mb: 1, ml: { xs: 0, sm: 1 } }}
            >
              {day}
            </Typography>
            {list.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </Box>
        ))
      )}
      {(total ?? 0) > events.length && <Pagination rowsPerPageOptions={[25, 50, 100, 200]} />}
    </Box>
  );
}
