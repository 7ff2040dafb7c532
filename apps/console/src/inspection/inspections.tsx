import type { ReactNode } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import {
  Box,
  Card,
  CardContent,
  Chip,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useGetMany,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { session } from '../providers/session';
import { inspectionSend, useLookup, ViolationCode } from './api';
import { EvidenceInputs, evidenceDefaults, evidenceFields } from './EvidenceInputs';
import { EvidenceList } from './EvidenceList';
import {
  ChecklistItem,
  checklistBody,
  checklistToEdit,
  INSPECTION_STATUSES,
  mayWorkOn,
  SEVERITIES,
  violationBody,
} from './inspection-file';
import { ProposePenalty } from './penalties';
import {
  choicesOf,
  Column,
  EnforcementList,
  enforcementResource,
  LongTextInput,
  Status,
  statusFilters,
  subjectText,
  touch,
  ViolationsInput,
} from './ui';

export interface Inspection {
  id: string;
  subject: { institutionId: string; name: string; district: string; address?: string };
  trigger: { kind: string; detail?: string };
  status: string;
  inspectors: { userId: string; department: string }[];
  scheduledFor?: string;
  checklist: ChecklistItem[];
  violationIds: string[];
  result?: string;
  findings?: string;
  closedOn?: string;
}

export interface Violation {
  id: string;
  code: string;
  severity: string;
  description: string;
  evidence: Parameters<typeof EvidenceList>[0]['evidence'];
  recordedAt: string;
  subject?: { licenseId?: string };
}

const R = 'inspections';
const words = 'otr.inspection';

/** Opens a lead by hand (an inspection to schedule): the institution and why. */
function OpenInspection() {
  const dataProvider = useDataProvider();
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.open`}
      variant="contained"
      inputs={
        <>
          <TextInput
            source="institutionId"
            label={`resources.${R}.fields.institutionId`}
            validate={required()}
          />
          <TextInput
            source="detail"
            label={`resources.${R}.fields.detail`}
            multiline
            minRows={2}
            validate={[required(), minLength(2), maxLength(1000)]}
          />
        </>
      }
      fields={['institutionId', 'detail']}
      send={(data) => dataProvider.create(R, { data })}
    />
  );
}

/** Inspections: an inspector sees those assigned to them first (?assigned=me), on a phone as cards. */
export function InspectionList() {
  const t = useTranslate();
  // Read synchronously: the list's default filter is taken once, when it mounts.
  const inspector = session.get()?.user.roles.includes('inspector') ?? false;
  const triggerOf = (r: Inspection) => t(`${words}.triggers.${r.trigger.kind}`, { _: r.trigger.kind });
  return (
    <EnforcementList<Inspection>
      filters={[
        <SelectInput
          key="assigned"
          source="assigned"
          label={`${words}.assignedToMe`}
          choices={[{ id: 'me', name: `${words}.assignedToMe` }]}
          alwaysOn
        />,
        ...statusFilters(INSPECTION_STATUSES),
      ]}
      filterDefaultValues={inspector ? { assigned: 'me' } : {}}
      commands={<OpenInspection />}
      secondary={(r) => `${triggerOf(r)} · ${r.scheduledFor ?? ''}`}
    >
      <TextField source="subject.district" label={`resources.${R}.fields.district`} sortable={false} />
      <Column<Inspection> source="trigger" render={triggerOf} />
      <TextField source="scheduledFor" sortable={false} emptyText="—" />
      <Column<Inspection>
        source="inspectors"
        render={(r) =>
          r.inspectors.map((i) => t(`otr.departments.${i.department}`, { _: i.department })).join('、')
        }
      />
      <Column<Inspection> source="violationIds" render={(r) => r.violationIds.length} />
    </EnforcementList>
  );
}

/** The planner or approver assigns inspectors from the roster (at least two, different departments). */
function Schedule({ record }: { record: Inspection }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  const { data: roster } = useLookup<{ items: { userId: string; name: string; department: string }[] }>(
    record.status === 'to-schedule' ? '/roster' : undefined,
  );
  const t = useTranslate();
  if (record.status !== 'to-schedule') return null;
  return (
    <CommandButton
      resource={R}
      access="schedule"
      label={`${words}.commands.schedule`}
      variant="contained"
      inputs={
        <>
          <SelectArrayInput
            source="inspectorIds"
            label={`resources.${R}.fields.inspectors`}
            choices={(roster?.items ?? []).map((i) => ({
              id: i.userId,
              name: `${i.name}（${t(`otr.departments.${i.department}`, { _: i.department })}）`,
            }))}
            translateChoice={false}
            validate={required()}
          />
          <TextInput
            source="scheduledFor"
            type="date"
            label={`resources.${R}.fields.scheduledFor`}
            validate={required()}
          />
        </>
      }
      fields={['inspectorIds', 'scheduledFor']}
      send={(v) => dataProvider.command(R, record.id, 'schedule', v)}
    />
  );
}

/** The on-site checklist: each item complies or not, with a note; one column on a phone. */
function FillChecklist({ record }: { record: Inspection }) {
  const t = useTranslate();
  return (
    <CommandButton
      resource={R}
      access="fillChecklist"
      label={`${words}.commands.checklist`}
      variant="contained"
      defaultValues={{ items: checklistToEdit(record.checklist, (k) => t(`${words}.checklist.items.${k}`)) }}
      inputs={
        <ArrayInput source="items" label={`${words}.checklist.title`} validate={required()}>
          <SimpleFormIterator
            inline
            disableReordering
            sx={{
              '& .RaSimpleFormIterator-inline': {
                flexDirection: { xs: 'column', sm: 'row' },
                alignItems: 'stretch',
              },
              '& .RaSimpleFormIterator-line': { py: 1 },
              '& .MuiSwitch-root': { transform: 'scale(1.3)', m: 1 },
            }}
          >
            <TextInput
              source="item"
              label={`${words}.checklist.item`}
              validate={[required(), maxLength(200)]}
            />
            <BooleanInput source="ok" label={`${words}.checklist.ok`} sx={touch} />
            <TextInput source="note" label={`${words}.checklist.note`} validate={maxLength(1000)} />
          </SimpleFormIterator>
        </ArrayInput>
      }
      fields={['items']}
      send={(v) =>
        inspectionSend(
          'PUT',
          `/inspections/${record.id}/checklist`,
          checklistBody(v.items as ChecklistItem[]),
        )
      }
    />
  );
}

/** A violation found on site: a code of the list, severity, what was seen, photos with time and place. */
function LogViolation({ record }: { record: Inspection }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  const { data: codes } = useLookup<ViolationCode[]>('/violations/codes');
  const t = useTranslate();
  return (
    <CommandButton
      resource={R}
      access="logViolation"
      label={`${words}.commands.violation`}
      variant="contained"
      color="warning"
      defaultValues={evidenceDefaults()}
      inputs={
        <>
          <SelectInput
            source="code"
            label="resources.violations.fields.code"
            choices={(codes ?? []).map((c) => ({
              id: c.code,
              name: t(`${words}.codes.${c.code}`, { _: c.name }),
            }))}
            translateChoice={false}
            validate={required()}
            sx={touch}
          />
          <SelectInput
            source="severity"
            label="resources.violations.fields.severity"
            choices={choicesOf(SEVERITIES, `${words}.severities`)}
            validate={required()}
            sx={touch}
          />
          <LongTextInput source="description" label="resources.violations.fields.description" />
          <EvidenceInputs />
        </>
      }
      fields={['code', 'severity', 'description', ...evidenceFields]}
      send={(v) => dataProvider.command(R, record.id, 'violations', violationBody(v))}
    />
  );
}

/** Rectification ordered for violations, due in working days (the rulebook's when left blank). */
function OrderRectification({ violations }: { violations: Violation[] }) {
  const dataProvider = useDataProvider();
  if (!violations.length) return null;
  return (
    <CommandButton
      resource={R}
      access="orderRectification"
      label={`${words}.commands.rectify`}
      defaultValues={{ violationIds: violations.map((v) => v.id) }}
      inputs={
        <>
          <ViolationsInput violations={violations} label="resources.rectifications.fields.violations" />
          <LongTextInput source="requirements" label="resources.rectifications.fields.requirements" />
          <NumberInput
            source="workingDays"
            label="resources.rectifications.fields.workingDays"
            helperText={`${words}.hints.workingDays`}
            validate={minValue(1)}
          />
        </>
      }
      fields={['violationIds', 'requirements', 'workingDays']}
      send={(v) =>
        dataProvider.create('rectifications', {
          data: {
            violationIds: v.violationIds,
            requirements: v.requirements,
            ...(typeof v.workingDays === 'number' ? { workingDays: v.workingDays } : {}),
          },
        })
      }
    />
  );
}

function CloseInspection({ record }: { record: Inspection }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  return (
    <CommandButton
      resource={R}
      access="closeInspection"
      label={`${words}.commands.close`}
      hint={`${words}.hints.close`}
      inputs={<LongTextInput source="findings" label={`resources.${R}.fields.findings`} min={0} />}
      fields={['findings', 'checklist']}
      send={(v) => dataProvider.command(R, record.id, 'close', v)}
    />
  );
}

function Checklist({ items }: { items: ChecklistItem[] }) {
  const t = useTranslate();
  if (!items.length) return <Typography color="text.secondary">{t(`${words}.checklist.empty`)}</Typography>;
  return (
    <MuiList dense disablePadding>
      {items.map((i, n) => (
        <ListItem key={n} disableGutters>
          <Chip
            size="small"
            color={i.ok ? 'success' : 'error'}
            label={t(i.ok ? `${words}.checklist.ok` : `${words}.checklist.notOk`)}
            sx={{ mr: 1, minWidth: 64 }}
          />
          <ListItemText primary={i.item} secondary={i.note} />
        </ListItem>
      ))}
    </MuiList>
  );
}

function ViolationCards({ violations }: { violations: Violation[] }) {
  const t = useTranslate();
  if (!violations.length) return <Typography color="text.secondary">{t(`${words}.noViolations`)}</Typography>;
  return (
    <Stack spacing={1}>
      {violations.map((v) => (
        <Card key={v.id} variant="outlined">
          <CardContent>
            <Typography variant="subtitle2">
              {t(`${words}.codes.${v.code}`, { _: v.code })} ·{' '}
              {t(`${words}.severities.${v.severity}`, { _: v.severity })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 0.5 }}>
              {v.description}
            </Typography>
            <EvidenceList evidence={v.evidence} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const t = useTranslate();
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" gutterBottom>
        {t(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** One inspection: who, why, the checklist and the violations, with the assigned inspector's commands. */
function InspectionFile() {
  const record = useRecordContext<Inspection>();
  const t = useTranslate();
  const { identity } = useGetIdentity();
  const { data: violations = [] } = useGetMany<Violation>('violations', { ids: record?.violationIds ?? [] });
  if (!record) return null;
  const mine = mayWorkOn(record, identity ? String(identity.id) : undefined);
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="h5">{subjectText(record.subject)}</Typography>
        <Status status={record.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t(`${words}.triggers.${record.trigger.kind}`, { _: record.trigger.kind })}
        {record.trigger.detail ? `：${record.trigger.detail}` : ''}
        {record.scheduledFor ? ` · ${record.scheduledFor}` : ''}
        {record.inspectors.length
          ? ` · ${record.inspectors.map((i) => t(`otr.departments.${i.department}`, { _: i.department })).join('、')}`
          : ''}
      </Typography>
      {record.findings && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t(`${words}.results.${record.result}`, { _: record.result ?? '' })}：{record.findings}
        </Typography>
      )}
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ my: 2, rowGap: 1, flexWrap: 'wrap', '& .MuiButton-root': touch }}
      >
        <Schedule record={record} />
        {mine && <FillChecklist record={record} />}
        {mine && <LogViolation record={record} />}
        <OrderRectification violations={violations} />
        <ProposePenalty violations={violations} />
        {mine && <CloseInspection record={record} />}
      </Stack>
      <Section title={`${words}.checklist.title`}>
        <Checklist items={record.checklist} />
      </Section>
      <Section title={`${words}.violations`}>
        <ViolationCards violations={violations} />
      </Section>
    </Box>
  );
}

export const inspections = enforcementResource({
  name: R,
  list: InspectionList,
  file: InspectionFile,
  icon: FactCheckIcon,
  plain: true,
});
