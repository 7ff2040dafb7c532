import { Fragment, useCallback, useEffect, useState } from 'react';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Collapse,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { CanAccess, ResourceProps, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiFetch } from '../providers/session';
import {
  CONSUMING_SERVICES,
  ConsumingService,
  countsOf,
  DeadLetter,
  DeadLetterPage,
  isOpen,
  listUrl,
  readablePayload,
  RedriveResult,
  RedriveSummary,
  redriveUrl,
} from './dead-letters-api';

/** JSON from the gateway, or the problem's detail as the error. */
async function send<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await apiFetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body as { detail?: string } | null)?.detail ?? res.statusText);
  return body as T;
}

const OutcomeChip = ({ letter }: { letter: DeadLetter }) => {
  const t = useTranslate();
  const outcome = letter.redriveOutcome ?? 'open';
  return (
    <Chip
      size="small"
      variant="outlined"
      label={t(`otr.deadLetters.outcomes.${outcome}`)}
      color={isOpen(letter) ? 'warning' : 'success'}
      data-testid="dead-letter-outcome"
    />
  );
};

function LetterRow({ letter, onRedrive }: { letter: DeadLetter; onRedrive: () => void }) {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow data-testid="dead-letter-row" sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label={t('otr.deadLetters.details')} onClick={() => setOpen(!open)}>
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          {new Date(letter.deadLetteredAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })}
        </TableCell>
        <TableCell>{letter.consumer}</TableCell>
        <TableCell>{letter.eventType ?? '—'}</TableCell>
        <TableCell sx={{ maxWidth: 360, wordBreak: 'break-word' }}>{letter.error}</TableCell>
        <TableCell>{letter.attempts}</TableCell>
        <TableCell>
          <OutcomeChip letter={letter} />
        </TableCell>
        <TableCell>
          <CanAccess resource="dead-letters" action="redrive">
            <Button size="small" onClick={onRedrive}>
              {t('otr.deadLetters.redrive')}
            </Button>
          </CanAccess>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={8} sx={{ py: 0 }}>
          <Collapse in={open} unmountOnExit>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ py: 2 }}>
              <Box sx={{ flex: 2, minWidth: 0 }}>
                <Typography variant="subtitle2">{t('resources.dead-letters.fields.payload')}</Typography>
                <Box component="pre" data-testid="dead-letter-payload" sx={preSx}>
                  {readablePayload(letter.payload)}
                </Box>
              </Box>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="subtitle2">{t('resources.dead-letters.fields.headers')}</Typography>
                <Box component="pre" sx={preSx}>
                  {JSON.stringify(
                    { ...letter.headers, source: `${letter.topic}/${letter.partition}/${letter.offset}` },
                    null,
                    2,
                  )}
                </Box>
              </Box>
            </Stack>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

const preSx = { m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', maxHeight: 320, fontSize: 12 };

/**
 * The events a service's consumers refused, for administrators: read one (its error, payload and
 * headers), fix the cause, then redrive it — or all shown — through the consumer's inbox.
 */
export function DeadLetterList() {
  const t = useTranslate();
  const notify = useNotify();
  const [service, setService] = useState<ConsumingService>('registration');
  const [openOnly, setOpenOnly] = useState(true);
  const [page, setPage] = useState<DeadLetterPage | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (after?: string | null) => {
      setFailed(null);
      try {
        const next = await send<DeadLetterPage>(listUrl(service, { openOnly, after }));
        setPage((shown) => (after && shown ? { ...next, items: [...shown.items, ...next.items] } : next));
      } catch (e) {
        setFailed((e as Error).message);
      }
    },
    [service, openOnly],
  );
  useEffect(() => {
    setPage(null);
    void load();
  }, [load]);

  const redrive = async (ids: string[]) => {
    setBusy(true);
    try {
      // One row through its own route; the rows shown by their ids.
      const counts =
        ids.length === 1
          ? countsOf([await send<RedriveResult>(redriveUrl(service, ids[0]), { method: 'POST' })])
          : (
              await send<RedriveSummary>(redriveUrl(service), {
                method: 'POST',
                body: JSON.stringify({ ids }),
              })
            ).counts;
      notify(t('otr.deadLetters.redriven', counts), {
        type: counts.refused ? 'warning' : 'success',
      });
      await load();
    } catch (e) {
      notify(t('otr.deadLetters.failed', { error: (e as Error).message }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const shown = page?.items ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.dead-letters.name" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('otr.deadLetters.intro')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              select
              fullWidth={false}
              size="small"
              label={t('resources.dead-letters.fields.service')}
              value={service}
              onChange={(e) => setService(e.target.value as ConsumingService)}
              sx={{ minWidth: 200 }}
            >
              {CONSUMING_SERVICES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`otr.deadLetters.services.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={<Switch checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />}
              label={t('otr.deadLetters.openOnly')}
            />
            <Typography variant="body2">
              {t('otr.deadLetters.total', { smart_count: page?.total ?? 0 })}
            </Typography>
            <CanAccess resource="dead-letters" action="redrive">
              <Button
                variant="contained"
                disabled={busy || !shown.length}
                onClick={() => redrive(shown.map((d) => d.id))}
                data-testid="dead-letter-redrive-shown"
              >
                {t('otr.deadLetters.redriveShown', { smart_count: shown.length })}
              </Button>
            </CanAccess>
          </Stack>
          {failed && <Alert severity="error">{t('otr.deadLetters.failed', { error: failed })}</Alert>}
          {page && !shown.length && <Alert severity="success">{t('otr.deadLetters.empty')}</Alert>}
          {shown.length > 0 && (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox" />
                    {(
                      [
                        'deadLetteredAt',
                        'consumer',
                        'eventType',
                        'error',
                        'attempts',
                        'redriveOutcome',
                      ] as const
                    ).map((f) => (
                      <TableCell key={f}>{t(`resources.dead-letters.fields.${f}`)}</TableCell>
                    ))}
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shown.map((letter) => (
                    <LetterRow key={letter.id} letter={letter} onRedrive={() => redrive([letter.id])} />
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          {page?.nextCursor && (
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => load(page.nextCursor)}>
              {t('otr.deadLetters.more')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

export const deadLetters: ResourceProps = {
  name: 'dead-letters',
  list: DeadLetterList,
  icon: MoveToInboxIcon,
};
