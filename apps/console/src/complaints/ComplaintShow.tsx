import { ReactNode } from 'react';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Show, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { jurisdictionName, jurisdictionPath } from '../i18n/jurisdictions';
import { StatusChip } from '../layout/StatusChip';
import { ActionLog } from './ActionLog';
import { apiFetch } from '../providers/session';
import { ComplaintRecord, EvidenceFile, evidenceLabel, evidenceUrl } from './complaint-file';
import { ComplaintActs } from './ComplaintActs';
import { Complainant } from './Complainant';
import { SlaChip } from './SlaChip';
import { unitLabel } from './unit-label';

type Outcome = { penaltyId: string; decisionNumber: string; penaltyType: string; decidedOn: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslate();
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1.5 }}>
          {t(`otr.complaints.sections.${title}`)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** Label and value on one row of a definition list; nothing when there is no value. */
function Fact({ field, children }: { field: string; children: ReactNode }) {
  const t = useTranslate();
  if (children === undefined || children === null || children === '' || children === false) return null;
  return (
    <Box sx={{ display: 'contents' }}>
      <dt>{t(`resources.complaints.fields.${field}`)}</dt>
      <dd>{children}</dd>
    </Box>
  );
}

const dl = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
  columnGap: 2,
  rowGap: 0.75,
  m: 0,
  '& dt': { color: 'text.secondary', fontSize: 14 },
  '& dd': { m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
} as const;

/** What the complaint is about and where it stands: subject, kind, category, channel, units, deadlines. */
function WorkOrder({ c }: { c: ComplaintRecord }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const r = c.responsibility;
  const s = c.subject;
  const word = (group: string, code?: string) => code && t(`otr.complaints.${group}.${code}`, { _: code });
  return (
    <Box component="dl" sx={dl}>
      <Fact field="subjectName">{s && `${s.name}（${word('subjectKinds', s.kind)}）`}</Fact>
      <Fact field="subject.address">{s?.address}</Fact>
      <Fact field="subject.activity">{s?.activity}</Fact>
      <Fact field="district">{s && jurisdictionName(s.district, locale)}</Fact>
      <Fact field="kind">{word('kinds', c.kind)}</Fact>
      <Fact field="category">{word('categories', c.category)}</Fact>
      <Fact field="channel">{word('channels', c.channel)}</Fact>
      <Fact field="filedAt">{new Date(c.filedAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })}</Fact>
      <Fact field="lead">{r ? unitLabel(t, r.lead) : c.lead && unitLabel(t, { department: c.lead })}</Fact>
      <Fact field="coHandlers">{r?.coHandlers.map((u) => unitLabel(t, u)).join('、')}</Fact>
      <Fact field="pendingTransfer">
        {r?.pendingTransfer && `${unitLabel(t, r.pendingTransfer.to)}：${r.pendingTransfer.reason}`}
      </Fact>
      <Fact field="pendingExtension">
        {c.pendingExtension && `${c.pendingExtension.workingDays}：${c.pendingExtension.reason}`}
      </Fact>
      <Fact field="deadline">{c.deadline && <SlaChip colour={c.colour} deadline={c.deadline} />}</Fact>
      <Fact field="signBy">{c.signBy}</Fact>
      <Fact field="answerBy">{c.answerBy}</Fact>
      <Fact field="supervisedBy">{c.supervisedBy && jurisdictionPath(c.supervisedBy, locale)}</Fact>
      <Fact field="round">{c.round === 2 && t('otr.complaints.round')}</Fact>
      <Fact field="description">{c.description}</Fact>
      <Fact field="reply">{c.reply}</Fact>
    </Box>
  );
}

/** Penalties decided against the institution after this complaint (from inspection). */
function Outcomes() {
  const t = useTranslate();
  const outcomes = useRecordContext<{ outcomes?: Outcome[] }>()?.outcomes ?? [];
  if (!outcomes.length) return <Typography color="text.secondary">{t('otr.complaints.none')}</Typography>;
  return (
    <Stack spacing={1}>
      {outcomes.map((o) => (
        <Typography key={o.penaltyId} variant="body2">
          {(['decisionNumber', 'penaltyType', 'decidedOn'] as const)
            .map((k) => `${t(`otr.complaints.outcome.${k}`)}：${o[k]}`)
            .join('；')}
        </Typography>
      ))}
    </Stack>
  );
}

/** The complainant's files: each opened through the session (the download needs its token). */
function Evidence({ c }: { c: ComplaintRecord }) {
  const t = useTranslate();
  const notify = useNotify();
  const files = c.evidence ?? [];
  const open = async (file: EvidenceFile) => {
    const res = await apiFetch(evidenceUrl(c.id, file));
    if (!res.ok) return notify('otr.complaints.evidence.openFailed', { type: 'error' });
    window.open(URL.createObjectURL(await res.blob()), '_blank', 'noopener');
  };
  if (!files.length)
    return <Typography color="text.secondary">{t('otr.complaints.evidence.none')}</Typography>;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }} data-testid="complaint-evidence">
      {files.map((f, i) => {
        const { key, n } = evidenceLabel(f, i + 1);
        return (
          <Button
            key={f.sha256}
            size="small"
            startIcon={<AttachFileIcon />}
            title={f.sha256}
            onClick={() => void open(f)}
          >
            {t(key, { n })} · {Math.ceil(f.size / 1024)} KB · SHA-256 {f.sha256.slice(0, 12)}…
          </Button>
        );
      })}
      <Typography variant="caption" color="text.secondary">
        {t('otr.complaints.evidence.hint')}
      </Typography>
    </Stack>
  );
}

function ComplaintPage() {
  const c = useRecordContext<ComplaintRecord>();
  if (!c) return null;
  const official = !!c.actions;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="span">
          {c.trackingNumber}
        </Typography>
        <StatusChip status={c.status} prefix="otr.complaints.statuses" />
        {c.deadline && <SlaChip colour={c.colour} deadline={c.deadline} />}
      </Stack>
      <ComplaintActs />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="facts">
            <WorkOrder c={c} />
          </Section>
          {official && (
            <Section title="evidence">
              <Evidence c={c} />
            </Section>
          )}
          {official && (
            <Section title="outcomes">
              <Outcomes />
            </Section>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          {official && (
            <Section title="contact">
              <Complainant complaint={c} />
            </Section>
          )}
          <Section title="log">
            <ActionLog complaint={c} />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}

/** One complaint: the work order, its deadlines in colour, the acts the user may take, the complainant and the log. */
export const ComplaintShow = () => (
  <Show component="div">
    <ComplaintPage />
  </Show>
);
