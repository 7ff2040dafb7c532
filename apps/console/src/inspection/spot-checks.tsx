import CasinoIcon from '@mui/icons-material/Casino';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  maxLength,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectArrayInput,
  TextField,
  TextInput,
  useDataProvider,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { CATEGORIES, drawBody, SPOT_CHECK_STATUSES } from './inspection-file';
import { choicesOf, Column, EnforcementList, enforcementResource, Status, statusFilters } from './ui';

const R = 'spot-checks';
const words = 'otr.inspection';
const field = (name: string) => `resources.${R}.fields.${name}`;

interface SpotCheck {
  id: string;
  name: string;
  jurisdiction: string;
  draw: {
    algorithm: string;
    seed: string;
    inputDigest: string;
    eligibleCount: number;
    picks: {
      institutionId: string;
      name: string;
      district: string;
      inspectors: { userId: string; department: string }[];
    }[];
  };
  input?: {
    request: { ratio: number; count?: number; filters: { districts?: string[]; categories?: string[] } };
  };
  inspections: { institutionId: string; inspectionId: string }[];
  drawnBy: string;
  drawnOn: string;
  status: string;
  results?: { institutionId: string; name: string; result: string }[];
  publishedOn?: string;
  inspectionStates?: { id: string; status: string; result?: string; subject: { institutionId: string } }[];
}

const jurisdictionCode = (v: unknown) =>
  Array.isArray(v) && v.some((d) => !/^CN(-[A-Z0-9]+){0,3}$/.test(String(d)))
    ? `${words}.hints.districtCode`
    : undefined;

/** The planner's draw (双随机): the rulebook's ratio of the eligible pool unless a count is given, optional filters, a seed. */
function Draw() {
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.draw`}
      hint={`${words}.hints.draw`}
      variant="contained"
      inputs={
        <>
          <TextInput
            source="name"
            label={field('name')}
            validate={[required(), minLength(2), maxLength(200)]}
          />
          <TextInput source="scheduledFor" type="date" label={field('scheduledFor')} validate={required()} />
          <NumberInput
            source="count"
            label={field('count')}
            helperText={`${words}.hints.count`}
            validate={minValue(1)}
          />
          <TextInput
            source="seed"
            label={field('seed')}
            helperText={`${words}.hints.seed`}
            validate={maxLength(200)}
          />
          <SelectArrayInput
            source="categories"
            label={field('categories')}
            choices={choicesOf(CATEGORIES, 'otr.categories')}
          />
          <TextInput
            source="districts"
            label={field('districts')}
            helperText={`${words}.hints.districts`}
            format={(v: string[] | undefined) => (v ?? []).join(' ')}
            parse={(s: string) => s.split(/[\s,，]+/).filter(Boolean)}
            validate={jurisdictionCode}
          />
        </>
      }
      fields={['name', 'scheduledFor', 'count', 'seed', 'categories', 'districts', 'minInspectors']}
      send={async (v) => {
        const { data } = await dataProvider.create(R, { data: drawBody(v) });
        redirect('show', R, data.id);
      }}
    />
  );
}

export function SpotCheckList() {
  return (
    <EnforcementList<SpotCheck>
      filters={statusFilters(SPOT_CHECK_STATUSES, false)}
      commands={<Draw />}
      primary={(r) => r.name}
      subjectColumn={false}
      secondary={(r) => `${r.drawnOn} · ${r.draw.picks.length}`}
    >
      <TextField source="name" sortable={false} />
      <TextField source="jurisdiction" sortable={false} />
      <TextField source="drawnOn" sortable={false} />
      <Column<SpotCheck> source="picks" render={(r) => `${r.draw.picks.length} / ${r.draw.eligibleCount}`} />
      <TextField source="draw.seed" label={field('seed')} sortable={false} />
    </EnforcementList>
  );
}

/** Anyone re-runs the draw from its kept input and sees whether it gives the published result. */
function Replay({ id }: { id: string }) {
  const t = useTranslate();
  const dataProvider = useDataProvider<OtrDataProvider>();
  const [answer, setAnswer] = useState<{ matches?: boolean; error?: string }>();
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="outlined"
        onClick={() =>
          dataProvider.part<{ matches: boolean }>(R, id, 'replay').then(
            (r) => setAnswer({ matches: r.matches }),
            (e: Error) => setAnswer({ error: e.message }),
          )
        }
      >
        {t(`${words}.commands.replay`)}
      </Button>
      {answer && (
        <Alert severity={answer.matches ? 'success' : 'error'} data-testid="replay-result">
          {answer.error ?? t(answer.matches ? `${words}.replay.matches` : `${words}.replay.differs`)}
        </Alert>
      )}
    </Stack>
  );
}

function SpotCheckFile() {
  const t = useTranslate();
  const record = useRecordContext<SpotCheck>();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record) return null;
  const stateOf = (institutionId: string) =>
    record.inspectionStates?.find((i) => i.subject.institutionId === institutionId);
  const resultOf = (institutionId: string) =>
    record.results?.find((r) => r.institutionId === institutionId)?.result;
  const request = record.input?.request;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5">{record.name}</Typography>
        <Status status={record.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {record.jurisdiction} · {record.drawnOn} · {record.drawnBy}
        {record.publishedOn ? ` · ${t(`${words}.publishedOn`)} ${record.publishedOn}` : ''}
      </Typography>
      <Box
        component="dl"
        sx={{ my: 2, '& dt': { fontWeight: 500, mt: 1 }, '& dd': { m: 0, wordBreak: 'break-all' } }}
      >
        <dt>{t(field('seed'))}</dt>
        <dd data-testid="draw-seed">{record.draw.seed}</dd>
        <dt>{t(field('algorithm'))}</dt>
        <dd>{record.draw.algorithm}</dd>
        <dt>{t(field('inputDigest'))}</dt>
        <dd>{record.draw.inputDigest}</dd>
        <dt>{t(field('picks'))}</dt>
        <dd>
          {record.draw.picks.length} / {record.draw.eligibleCount}
          {request && !request.count ? `（${t(field('ratio'))} ${request.ratio}）` : ''}
        </dd>
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <Replay id={record.id} />
        {record.status === 'drawn' && (
          <CommandButton
            resource={R}
            access="publish"
            label={`${words}.commands.publish`}
            hint={`${words}.hints.publish`}
            variant="contained"
            send={() => dataProvider.command(R, record.id, 'publish')}
          />
        )}
      </Stack>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t(field('institution'))}</TableCell>
              <TableCell>{t(field('inspectors'))}</TableCell>
              <TableCell>{t(field('status'))}</TableCell>
              <TableCell>{t(field('result'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.draw.picks.map((p) => {
              const state = stateOf(p.institutionId);
              const result = resultOf(p.institutionId) ?? state?.result;
              return (
                <TableRow key={p.institutionId}>
                  <TableCell>
                    {p.name}（{p.district}）
                  </TableCell>
                  <TableCell>
                    {p.inspectors
                      .map(
                        (i) => `${i.userId}（${t(`otr.departments.${i.department}`, { _: i.department })}）`,
                      )
                      .join('、')}
                  </TableCell>
                  <TableCell>{state && <Status status={state.status} />}</TableCell>
                  <TableCell>{result ? t(`${words}.results.${result}`, { _: result }) : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

export const spotChecks = enforcementResource({
  name: R,
  list: SpotCheckList,
  file: SpotCheckFile,
  icon: CasinoIcon,
  plain: true,
  recordRepresentation: 'name',
});
