import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  FunctionField,
  maxLength,
  TextField,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { EvidenceInputs, evidenceDefaults, evidenceFields } from './EvidenceInputs';
import { EvidenceList } from './EvidenceList';
import { beijingToday, evidenceBody, isOverdue, RECTIFICATION_STATUSES } from './inspection-file';
import {
  Column,
  EnforcementList,
  enforcementResource,
  LongTextInput,
  RecordFile,
  statusFilters,
  touch,
} from './ui';

const R = 'rectifications';
const words = 'otr.inspection';

interface Rectification {
  id: string;
  subject: { name: string; district: string; address?: string };
  basis: { kind: 'annual-report'; grade: string } | { kind: 'violations'; violationIds: string[] };
  requirements: string;
  orderedBy: string;
  orderedOn: string;
  workingDays: number;
  dueBy: string;
  status: string;
  reports: {
    on: string;
    by: string;
    description: string;
    evidence: Parameters<typeof EvidenceList>[0]['evidence'];
  }[];
  verification?: { by: string; on: string; passed: boolean; note: string };
}

/** Overdue orders (escalated, or past their deadline and not yet swept) show so, and stand out in red. */
const shownStatus = (r: Rectification) => (isOverdue(r, beijingToday()) ? 'overdue' : r.status);
const overdueSx = (r: Rectification) =>
  isOverdue(r, beijingToday()) ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {};

export function RectificationList() {
  const t = useTranslate();
  return (
    <EnforcementList<Rectification>
      filters={statusFilters(RECTIFICATION_STATUSES)}
      secondary={(r) => `${t(`resources.${R}.fields.dueBy`)} ${r.dueBy}`}
      status={shownStatus}
      rowSx={overdueSx}
    >
      <Column<Rectification>
        source="basis"
        render={(r) => t(`${words}.bases.${r.basis.kind}`, { _: r.basis.kind })}
      />
      <TextField source="orderedOn" sortable={false} />
      <TextField source="dueBy" sortable={false} />
    </EnforcementList>
  );
}

/** The inspector checks on site that the rectification was done (复查). */
function Verify({ record }: { record: Rectification }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (record.status !== 'reported') return null;
  return (
    <CommandButton
      resource={R}
      access="verify"
      label={`${words}.commands.verify`}
      variant="contained"
      defaultValues={{ passed: true, note: '' }}
      inputs={
        <>
          <BooleanInput source="passed" label={`${words}.verificationPassed`} sx={touch} />
          <TextInput source="note" label={`${words}.note`} multiline minRows={2} validate={maxLength(2000)} />
        </>
      }
      fields={['passed', 'note']}
      send={(v) => dataProvider.command(R, record.id, 'verify', { passed: !!v.passed, note: v.note ?? '' })}
    />
  );
}

/** The institution reports the rectification done, with evidence, by the deadline. */
function Report({ record }: { record: Rectification }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (record.status !== 'ordered') return null;
  return (
    <CommandButton
      resource={R}
      access="report"
      label={`${words}.commands.report`}
      variant="contained"
      defaultValues={evidenceDefaults()}
      inputs={
        <>
          <LongTextInput source="description" label={`resources.${R}.fields.description`} />
          <EvidenceInputs />
        </>
      }
      fields={['description', 'dueBy', ...evidenceFields]}
      send={(v) =>
        dataProvider.command(R, record.id, 'report', {
          description: String(v.description ?? '').trim(),
          evidence: evidenceBody(v),
        })
      }
    />
  );
}

function RectificationFile() {
  const t = useTranslate();
  const record = useRecordContext<Rectification>();
  if (!record) return null;
  return (
    <RecordFile<Rectification>
      commands={
        <>
          <Verify record={record} />
          <Report record={record} />
        </>
      }
      status={shownStatus}
    >
      <FunctionField<Rectification>
        source="basis"
        render={(r) =>
          r.basis.kind === 'annual-report'
            ? `${t(`${words}.bases.annual-report`)}（${t(`${words}.grades.${r.basis.grade}`, { _: r.basis.grade })}）`
            : `${t(`${words}.bases.violations`)}（${r.basis.violationIds.length}）`
        }
      />
      <TextField source="requirements" sx={{ whiteSpace: 'pre-wrap' }} />
      <FunctionField<Rectification> source="orderedOn" render={(r) => `${r.orderedOn} · ${r.orderedBy}`} />
      <FunctionField<Rectification>
        source="dueBy"
        render={(r) => `${r.dueBy}（${t(`${words}.workingDays`, { smart_count: r.workingDays })}）`}
      />
      <FunctionField<Rectification>
        source="reports"
        render={(r) =>
          r.reports.length ? (
            <Stack spacing={1}>
              {r.reports.map((rep, i) => (
                <Card key={i} variant="outlined">
                  <CardContent>
                    <Typography variant="caption">
                      {rep.on} · {rep.by}
                    </Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {rep.description}
                    </Typography>
                    <EvidenceList evidence={rep.evidence} />
                  </CardContent>
                </Card>
              ))}
            </Stack>
          ) : (
            '—'
          )
        }
      />
      {record.verification && (
        <FunctionField<Rectification>
          source="verification"
          render={(r) =>
            `${t(r.verification?.passed ? `${words}.passed` : `${words}.failed`)} · ${r.verification?.note ?? ''} · ${r.verification?.by} · ${r.verification?.on}`
          }
        />
      )}
    </RecordFile>
  );
}

export const rectifications = enforcementResource({
  name: R,
  list: RectificationList,
  file: RectificationFile,
  icon: BuildCircleIcon,
});
