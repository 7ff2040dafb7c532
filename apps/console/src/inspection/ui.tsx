import { Chip } from '@mui/material';
import type { ReactNode } from 'react';
import { FilterButton, TopToolbar, useTranslate } from 'react-admin';

/** Touch targets of at least 48px: the on-site screens are used on a phone (WCAG 2.5.5). */
export const touch = { minHeight: 48 } as const;

const COLOR: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  'to-schedule': 'default',
  scheduled: 'primary',
  closed: 'default',
  ordered: 'primary',
  reported: 'info',
  verified: 'success',
  overdue: 'error',
  proposed: 'primary',
  decided: 'success',
  rejected: 'default',
  listed: 'error',
  removed: 'default',
  drawn: 'primary',
  published: 'success',
  submitted: 'primary',
  graded: 'success',
  open: 'primary',
  done: 'success',
};

/** An enforcement record's status in the user's language (otr.inspection.statuses). */
export function Status({ status }: { status?: string | null }) {
  const t = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      variant={status === 'overdue' ? 'filled' : 'outlined'}
      color={COLOR[status] ?? 'default'}
      label={t(`otr.inspection.statuses.${status}`, { _: status })}
      sx={{ fontWeight: 500 }}
    />
  );
}

/** Choices of a SelectInput from codes, their words under `prefix`. */
export const choicesOf = (ids: readonly string[], prefix: string) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));

/** The subject of a record: the institution's name, with its address for an unlicensed operator. */
export const subjectText = (s?: { name?: string; address?: string }) =>
  s ? [s.name, s.address].filter(Boolean).join(' · ') : '';

/** A list's toolbar: the filter button, then the commands the list offers (each gated by its grant). */
export const ListToolbar = ({ children }: { children?: ReactNode }) => (
  <TopToolbar>
    <FilterButton />
    {children}
  </TopToolbar>
);
