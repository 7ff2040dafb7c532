import AssessmentIcon from '@mui/icons-material/Assessment';
import { Alert, Box, Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  FunctionField,
  Link,
  maxLength,
  maxValue,
  minValue,
  NumberField,
  NumberInput,
  required,
  TextField,
  TextInput,
  useCreatePath,
  useDataProvider,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { renameFields, useLookup } from './api';
import {
  ANNUAL_REPORT_STATUSES,
  ANNUAL_REPORT_YUAN_FIELDS,
  annualReportBody,
  AnnualReportValues,
  beijingToday,
  formatFen,
  GradeThresholds,
  gradingBody,
  previewGrade,
  ScoreSheet,
} from './inspection-file';
import {
  Column,
  EnforcementList,
  RecordFile,
  enforcementResource,
  Status,
  statusFilters,
  subjectText,
} from './ui';

const R = 'annual-reports';
const words = 'otr.inspection';
const field = (name: string) => `resources.${R}.fields.${name}`;

interface Report {
  id: string;
  subject: { institutionId: string; name: string; district: string; address?: string };
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

/** A count: a whole number, none below zero. */
const count = (source: string, key: string) => (
  <NumberInput
    key={source}
    source={`content.${source}`}
    label={`${words}.report.${key}`}
    validate={[required(), minValue(0)]}
  />
);
const yuan = (source: string, key: string) => (
  <NumberInput
    key={source}
    source={`content.finances.${source}`}
    label={`${words}.report.${key}`}
    helperText={`${words}.fine.yuan`}
    validate={[required(), minValue(0)]}
  />
);
const REPORT_FIELDS = [
  'year',
  'content.teaching.courses',
  'content.teaching.students',
  'content.teaching.lessonsDelivered',
  'content.staff.teachers',
  'content.staff.qualifiedTeachers',
  ...Object.values(ANNUAL_REPORT_YUAN_FIELDS).map((f) => `content.finances.${f}`),
  'content.safety.fireInspectionPassed',
  'content.safety.incidents',
  'content.complaintsReceived',
  'content.notes',
];

/** The operator submits the institution's annual report (年度报告) for a year: teaching, staff, finances, safety, complaints. */
function SubmitAnnualReport() {
  const dataProvider = useDataProvider();
  const lastYear = Number(beijingToday().slice(0, 4)) - 1;
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.submitReport`}
      hint={`${words}.hints.submitReport`}
      variant="contained"
      defaultValues={{ year: lastYear, content: { safety: { fireInspectionPassed: true, incidents: 0 } } }}
      inputs={
        <>
          <NumberInput source="year" label={field('year')} validate={[required(), minValue(2000)]} />
          {count('teaching.courses', 'courses')}
          {count('teaching.students', 'students')}
          {count('teaching.lessonsDelivered', 'lessonsDelivered')}
          {count('staff.teachers', 'teachers')}
          {count('staff.qualifiedTeachers', 'qualifiedTeachers')}
          {yuan(ANNUAL_REPORT_YUAN_FIELDS.incomeFen, 'income')}
          {yuan(ANNUAL_REPORT_YUAN_FIELDS.refundsFen, 'refunds')}
          {yuan(ANNUAL_REPORT_YUAN_FIELDS.escrowBalanceFen, 'escrowBalance')}
          <BooleanInput
            source="content.safety.fireInspectionPassed"
            label={`${words}.report.fireInspectionPassed`}
          />
          {count('safety.incidents', 'incidents')}
          {count('complaintsReceived', 'complaintsReceived')}
          <TextInput
            source="content.notes"
            label={`${words}.report.notes`}
            multiline
            minRows={2}
            validate={maxLength(4000)}
          />
        </>
      }
      fields={REPORT_FIELDS}
      send={async (v) => {
        try {
          return await dataProvider.create(R, { data: annualReportBody(v as AnnualReportValues) });
        } catch (e) {
          throw renameFields(e, ANNUAL_REPORT_YUAN_FIELDS);
        }
      }}
    />
  );
}

export function AnnualReportList() {
  const t = useTranslate();
  return (
    <EnforcementList<Report>
      filters={statusFilters(ANNUAL_REPORT_STATUSES)}
      commands={<SubmitAnnualReport />}
      secondary={(r) => `${r.year} · ${r.grading ? t(`${words}.grades.${r.grading.grade}`) : ''}`}
    >
      <NumberField source="year" sortable={false} options={{ useGrouping: false }} />
      <TextField source="submittedOn" sortable={false} />
      <Column<Report>
        source="grade"
        render={(r) => (r.grading ? `${t(`${words}.grades.${r.grading.grade}`)}（${r.grading.total}）` : '—')}
      />
    </EnforcementList>
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

/** The rectification order a basic pass or fail set in motion, with its deadline and status. */
function RectificationOrder({ report }: { report: Report }) {
  const t = useTranslate();
  const createPath = useCreatePath();
  const { data = [] } = useGetList<{
    id: string;
    dueBy: string;
    status: string;
    basis: { reportId?: string };
  }>(
    'rectifications',
    { filter: { institutionId: report.subject.institutionId }, pagination: { page: 1, perPage: 50 } },
    { enabled: !!report.grading?.rectification },
  );
  const order = data.find((r) => r.basis.reportId === report.id);
  if (!order) return null;
  return (
    <Link
      to={createPath({ resource: 'rectifications', id: order.id, type: 'show' })}
      data-testid="report-rectification"
    >
      {t(`${words}.consequences.order`, { date: order.dueBy })} · <Status status={order.status} />
    </Link>
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
    <RecordFile<Report>
      commands={<Grade record={record} />}
      title={(r) => `${subjectText(r.subject)} · ${r.year}`}
    >
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
                <RectificationOrder report={r} />
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
    </RecordFile>
  );
}

export const annualReports = enforcementResource({
  name: R,
  list: AnnualReportList,
  file: ReportFile,
  icon: AssessmentIcon,
  recordRepresentation: (r) => `${r.subject?.name ?? ''} ${r.year ?? ''}`,
});
