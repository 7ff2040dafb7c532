import AssessmentIcon from '@mui/icons-material/Assessment';
import { Alert, Box, Typography } from '@mui/material';
import {
  CheckboxGroupInput,
  Datagrid,
  FormDataConsumer,
  FunctionField,
  List,
  maxValue,
  minValue,
  NumberField,
  NumberInput,
  required,
  ResourceProps,
  SelectInput,
  Show,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useDataProvider,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx } from '../layout/ListActions';
import { useSmall } from '../layout/useSmall';
import type { OtrDataProvider } from '../providers/data-provider';
import { useLookup } from './api';
import {
  ANNUAL_REPORT_STATUSES,
  formatFen,
  GradeThresholds,
  gradingBody,
  previewGrade,
  ScoreSheet,
} from './inspection-file';
import { choicesOf, ListToolbar, Status, subjectText } from './ui';

const R = 'annual-reports';
const words = 'otr.inspection';
const field = (name: string) => `resources.${R}.fields.${name}`;

interface Report {
  id: string;
  subject: { name: string; district: string; address?: string };
  year: number;
  status: string;
  submittedOn: string;
  content: {
    teaching: { courses: number; students: number; lessonsDelivered: number };
    staff: { teachers: number; qualifiedTeachers: number };
    finances: { incomeFen: number; refundsFen: number; escrowBalanceFen: number };
    safety: { fireInspectionPassed: boolean; incidents: number };
    complaintsReceived: number;
    notes?: string;
  };
  grading?: {
    total: number;
    grade: string;
    vetoes: string[];
    gradedBy: string;
    gradedOn: string;
    rectification?: boolean;
    proposeRevocation?: boolean;
    exemptFromSpotChecksUntil?: string;
  };
}

interface Grading {
  sheet: ScoreSheet;
  thresholds: GradeThresholds;
  source: { sheet: string; thresholds: string };
}

export function AnnualReportList() {
  const t = useTranslate();
  const small = useSmall();
  const filters = [
    <SelectInput
      key="status"
      source="status"
      choices={choicesOf(ANNUAL_REPORT_STATUSES, `${words}.statuses`)}
      alwaysOn
    />,
    <TextInput key="institutionId" source="institutionId" />,
  ];
  return (
    <List filters={filters} actions={<ListToolbar />} exporter={false}>
      {small ? (
        <SimpleList<Report>
          primaryText={(r) => r.subject.name}
          secondaryText={(r) => `${r.year} · ${r.grading ? t(`${words}.grades.${r.grading.grade}`) : ''}`}
          tertiaryText={(r) => t(`${words}.statuses.${r.status}`, { _: r.status })}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx}>
          <TextField source="subject.name" label={field('subject')} sortable={false} />
          <NumberField source="year" sortable={false} options={{ useGrouping: false }} />
          <TextField source="submittedOn" sortable={false} />
          <FunctionField<Report>
            source="status"
            sortable={false}
            render={(r) => <Status status={r.status} />}
          />
          <FunctionField<Report>
            source="grade"
            sortable={false}
            render={(r) =>
              r.grading ? `${t(`${words}.grades.${r.grading.grade}`)}（${r.grading.total}）` : '—'
            }
          />
        </Datagrid>
      )}
    </List>
  );
}

/** The approver scores each indicator of the sheet and ticks veto items; the grade is previewed as the service computes it. */
function Grade({ record }: { record: Report }) {
  const t = useTranslate();
  const dataProvider = useDataProvider<OtrDataProvider>();
  const { data: grading } = useLookup<Grading>(
    record.status === 'submitted' ? '/annual-reports/score-sheet' : undefined,
  );
  if (record.status !== 'submitted' || !grading) return null;
  const { sheet, thresholds } = grading;
  return (
    <CommandButton
      resource={R}
      access="grade"
      label={`${words}.commands.grade`}
      hint={`${words}.hints.grade`}
      variant="contained"
      defaultValues={{ scores: {}, vetoes: [] }}
      inputs={
        <>
          {sheet.indicators.map((i) => (
            <NumberInput
              key={i.key}
              source={`scores.${i.key}`}
              label={`${i.name}（0–${i.maxPoints}）`}
              validate={[required(), minValue(0), maxValue(i.maxPoints)]}
            />
          ))}
          <CheckboxGroupInput
            source="vetoes"
            label={`${words}.vetoes`}
            choices={sheet.vetoItems.map((v) => ({ id: v.key, name: v.name }))}
            translateChoice={false}
            row={false}
          />
          <FormDataConsumer<{ scores?: Record<string, unknown>; vetoes?: string[] }>>
            {({ formData }) => {
              const p = previewGrade(sheet, thresholds, formData.scores ?? {}, formData.vetoes ?? []);
              return (
                <Alert severity={p.grade === 'fail' ? 'warning' : 'info'}>
                  {t(`${words}.preview`)}：{p.total} → {t(`${words}.grades.${p.grade}`)}
                  <br />
                  <small>{grading.source.thresholds}</small>
                </Alert>
              );
            }}
          </FormDataConsumer>
        </>
      }
      fields={[...sheet.indicators.map((i) => `scores.${i.key}`), 'vetoes']}
      send={(v) => dataProvider.command(R, record.id, 'grade', gradingBody(sheet, v))}
    />
  );
}

function ReportFile() {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const record = useRecordContext<Report>();
  if (!record) return null;
  const c = record.content;
  const line = (key: string, value: unknown) => (
    <Typography variant="body2" key={key}>
      {t(`${words}.report.${key}`)}：{String(value)}
    </Typography>
  );
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <Grade record={record} />
      </Box>
      <SimpleShowLayout>
        <Typography variant="h6">
          {subjectText(record.subject)} · {record.year}
        </Typography>
        <FunctionField<Report> source="status" render={(r) => <Status status={r.status} />} />
        <TextField source="submittedOn" />
        <FunctionField<Report>
          source="content"
          render={() => (
            <Box>
              {line('courses', c.teaching.courses)}
              {line('students', c.teaching.students)}
              {line('lessonsDelivered', c.teaching.lessonsDelivered)}
              {line('teachers', c.staff.teachers)}
              {line('qualifiedTeachers', c.staff.qualifiedTeachers)}
              {line('income', formatFen(c.finances.incomeFen, locale))}
              {line('refunds', formatFen(c.finances.refundsFen, locale))}
              {line('escrowBalance', formatFen(c.finances.escrowBalanceFen, locale))}
              {line(
                'fireInspectionPassed',
                t(c.safety.fireInspectionPassed ? 'ra.boolean.true' : 'ra.boolean.false'),
              )}
              {line('incidents', c.safety.incidents)}
              {line('complaintsReceived', c.complaintsReceived)}
              {c.notes && line('notes', c.notes)}
            </Box>
          )}
        />
        {record.grading && (
          <FunctionField<Report>
            source="grade"
            render={(r) => {
              const g = r.grading!;
              return (
                <Box>
                  <Typography variant="body2">
                    {t(`${words}.grades.${g.grade}`)}（{g.total}）· {g.gradedBy} · {g.gradedOn}
                  </Typography>
                  {g.vetoes.length > 0 && (
                    <Typography variant="body2">
                      {t(`${words}.vetoes`)}：{g.vetoes.join('、')}
                    </Typography>
                  )}
                  {g.exemptFromSpotChecksUntil && (
                    <Typography variant="body2">
                      {t(`${words}.consequences.exempt`, { date: g.exemptFromSpotChecksUntil })}
                    </Typography>
                  )}
                  {g.rectification && (
                    <Typography variant="body2">{t(`${words}.consequences.rectification`)}</Typography>
                  )}
                  {g.proposeRevocation && (
                    <Typography variant="body2" color="error">
                      {t(`${words}.consequences.revocation`)}
                    </Typography>
                  )}
                </Box>
              );
            }}
          />
        )}
      </SimpleShowLayout>
    </>
  );
}

export const AnnualReportShow = () => (
  <Show>
    <ReportFile />
  </Show>
);

export const annualReports: ResourceProps = {
  name: R,
  list: AnnualReportList,
  show: AnnualReportShow,
  icon: AssessmentIcon,
  recordRepresentation: (r) => `${r.subject?.name ?? ''} ${r.year ?? ''}`,
};
