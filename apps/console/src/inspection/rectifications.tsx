import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  maxLength,
  minLength,
  required,
  ResourceProps,
  SelectInput,
  Show,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx } from '../layout/ListActions';
import { useSmall } from '../layout/useSmall';
import type { OtrDataProvider } from '../providers/data-provider';
import { EvidenceInputs, evidenceDefaults, evidenceFields } from './EvidenceInputs';
import { EvidenceList } from './EvidenceList';
import { beijingToday, evidenceBody, isOverdue, RECTIFICATION_STATUSES } from './inspection-file';
import { choicesOf, ListToolbar, Status, subjectText, touch } from './ui';

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

/** Overdue orders (escalated, or past their deadline and not yet swept) stand out in red. */
const overdueSx = (r: Rectification) =>
  isOverdue(r, beijingToday()) ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {};

export function RectificationList() {
  const t = useTranslate();
  const small = useSmall();
  const filters = [
    <SelectInput
      key="status"
      source="status"
      choices={choicesOf(RECTIFICATION_STATUSES, `${words}.statuses`)}
      alwaysOn
    />,
    <TextInput key="institutionId" source="institutionId" />,
  ];
  return (
    <List filters={filters} actions={<ListToolbar />} exporter={false}>
      {small ? (
        <SimpleList<Rectification>
          primaryText={(r) => r.subject.name}
          secondaryText={(r) => `${t(`resources.${R}.fields.dueBy`)} ${r.dueBy}`}
          tertiaryText={(r) => t(`${words}.statuses.${isOverdue(r, beijingToday()) ? 'overdue' : r.status}`)}
          rowSx={overdueSx}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx} rowSx={overdueSx}>
          <TextField source="subject.name" label={`resources.${R}.fields.subject`} sortable={false} />
          <FunctionField<Rectification>
            source="basis"
            sortable={false}
            render={(r) => t(`${words}.bases.${r.basis.kind}`, { _: r.basis.kind })}
          />
          <TextField source="orderedOn" sortable={false} />
          <TextField source="dueBy" sortable={false} />
          <FunctionField<Rectification>
            source="status"
            sortable={false}
            render={(r) => <Status status={isOverdue(r, beijingToday()) ? 'overdue' : r.status} />}
          />
        </Datagrid>
      )}
    </List>
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
          <TextInput
            source="description"
            label={`resources.${R}.fields.description`}
            multiline
            minRows={3}
            validate={[required(), minLength(2), maxLength(4000)]}
          />
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
    <>
      <Stack
        direction="row"
        spacing={1}
        sx={{ px: 2, pt: 2, flexWrap: 'wrap', rowGap: 1, '& .MuiButton-root': touch }}
      >
        <Verify record={record} />
        <Report record={record} />
      </Stack>
      <SimpleShowLayout>
        <Typography variant="h6">{subjectText(record.subject)}</Typography>
        <FunctionField<Rectification>
          source="status"
          render={(r) => <Status status={isOverdue(r, beijingToday()) ? 'overdue' : r.status} />}
        />
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
      </SimpleShowLayout>
    </>
  );
}

export const RectificationShow = () => (
  <Show>
    <RectificationFile />
  </Show>
);

export const rectifications: ResourceProps = {
  name: R,
  list: RectificationList,
  show: RectificationShow,
  icon: BuildCircleIcon,
  recordRepresentation: (r) => r.subject?.name ?? r.id,
};
