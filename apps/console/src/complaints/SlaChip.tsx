import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { slaColors } from '../layout/theme';
import type { SlaColour } from './complaint-file';

/** The running deadline in its SLA colour: 正常 / 临期 / 超期 · 答复期限 2026-12-16; a dash when none runs. */
export function SlaChip({
  colour,
  deadline,
}: {
  colour?: SlaColour | null;
  deadline?: { stage: string; due: string } | null;
}) {
  const t = useTranslate();
  if (!colour || !deadline) return <span>—</span>;
  const due = t('otr.complaints.due', {
    stage: t(`otr.complaints.stages.${deadline.stage}`, { _: deadline.stage }),
    due: deadline.due,
  });
  return (
    <Chip
      size="small"
      data-testid="sla-chip"
      data-colour={colour}
      label={`${t(`otr.dashboard.sla.${colour}`)} · ${due}`}
      sx={{ bgcolor: slaColors[colour], color: '#fff', fontWeight: 500 }}
    />
  );
}
