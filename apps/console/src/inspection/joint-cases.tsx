import GroupsIcon from '@mui/icons-material/Groups';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  FormDataConsumer,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CommandButton } from '../layout/CommandDialog';
import type { OtrDataProvider } from '../providers/data-provider';
import { DEPARTMENTS, JOINT_CASE_STATUSES, jointCaseBody, repeatedDepartments } from './inspection-file';
import {
  choicesOf,
  Column,
  EnforcementList,
  enforcementResource,
  Status,
  statusFilters,
  subjectText,
  touch,
} from './ui';

const R = 'joint-cases';
const words = 'otr.inspection';
const field = (name: string) => `resources.${R}.fields.${name}`;

interface JointCase {
  id: string;
  subject: { institutionId: string; name: string; district: string; address?: string };
  summary: string;
  openedBy: string;
  openedOn: string;
  tasks: {
    id: string;
    department: string;
    legalBasis: string;
    dueBy: string;
    status: string;
    findings?: string;
    completedBy?: string;
    completedOn?: string;
  }[];
  status: string;
  closure?: { by: string; on: string; conclusion: string };
}

const oneTaskPerDepartment = (tasks: { department?: string }[] | undefined) =>
  repeatedDepartments(tasks).length ? `${words}.hints.oneTaskPerDepartment` : undefined;

/** The coordinator opens a case against an institution or an unlicensed operator, one task per department. */
function OpenCase() {
  const dataProvider = useDataProvider();
  return (
    <CommandButton
      resource={R}
      access="create"
      label={`${words}.commands.openCase`}
      variant="contained"
      defaultValues={{
        subjectKind: 'institution',
        tasks: [{ department: '', legalBasis: '', workingDays: 10 }],
      }}
      inputs={
        <>
          <SelectInput
            source="subjectKind"
            label={field('subject')}
            choices={choicesOf(['institution', 'unlicensed'], `${words}.subjectKinds`)}
            validate={required()}
          />
          <FormDataConsumer<{ subjectKind?: string }>>
            {({ formData }) =>
              formData.subjectKind === 'unlicensed' ? (
                <>
                  <TextInput
                    source="name"
                    label={field('name')}
                    validate={[required(), minLength(2), maxLength(200)]}
                  />
                  <TextInput
                    source="address"
                    label={field('address')}
                    validate={[required(), minLength(2), maxLength(300)]}
                  />
                  <TextInput
                    source="district"
                    label={field('district')}
                    helperText={`${words}.hints.districtCode`}
                    validate={required()}
                  />
                </>
              ) : (
                <TextInput source="institutionId" label={field('institutionId')} validate={required()} />
              )
            }
          </FormDataConsumer>
          <TextInput
            source="summary"
            label={field('summary')}
            multiline
            minRows={3}
            validate={[required(), minLength(2), maxLength(4000)]}
          />
          <ArrayInput source="tasks" label={field('tasks')} validate={oneTaskPerDepartment}>
            <SimpleFormIterator
              inline
              disableReordering
              sx={{
                '& .RaSimpleFormIterator-inline': {
                  flexDirection: { xs: 'column', sm: 'row' },
                  alignItems: 'stretch',
                },
              }}
            >
              <SelectInput
                source="department"
                label={field('department')}
                choices={choicesOf(DEPARTMENTS, 'otr.departments')}
                validate={required()}
              />
              <TextInput
                source="legalBasis"
                label={field('legalBasis')}
                validate={[required(), minLength(2), maxLength(300)]}
              />
              <NumberInput source="workingDays" label={field('workingDays')} validate={minValue(1)} />
              <TextInput
                source="dueBy"
                type="date"
                label={field('dueBy')}
                helperText={`${words}.hints.dueBy`}
              />
            </SimpleFormIterator>
          </ArrayInput>
        </>
      }
      fields={['institutionId', 'name', 'address', 'district', 'summary', 'tasks']}
      send={(v) => dataProvider.create(R, { data: jointCaseBody(v) })}
    />
  );
}

export function JointCaseList() {
  const t = useTranslate();
  const progress = (r: JointCase) =>
    `${r.tasks.filter((x) => x.status === 'done').length} / ${r.tasks.length}`;
  return (
    <EnforcementList<JointCase>
      filters={statusFilters(JOINT_CASE_STATUSES, false)}
      commands={<OpenCase />}
      primary={(r) => subjectText(r.subject)}
      secondary={(r) => `${r.openedOn} · ${progress(r)}`}
    >
      <TextField source="openedOn" sortable={false} />
      <Column<JointCase>
        source="departments"
        render={(r) =>
          r.tasks.map((x) => t(`otr.departments.${x.department}`, { _: x.department })).join('、')
        }
      />
      <Column<JointCase> source="progress" render={progress} />
    </EnforcementList>
  );
}

/** Every department's task, its legal basis, deadline and findings; an official of that department completes it. */
function CaseFile() {
  const t = useTranslate();
  const record = useRecordContext<JointCase>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<OtrDataProvider>();
  if (!record) return null;
  const myDepartment = identity?.department as string | undefined;
  const open = record.status === 'open';
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5">{subjectText(record.subject)}</Typography>
        <Status status={record.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {record.openedOn} · {record.openedBy}
      </Typography>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
        {record.summary}
      </Typography>
      {open && (
        <Box sx={{ my: 1 }}>
          <CommandButton
            resource={R}
            access="close"
            label={`${words}.commands.closeCase`}
            inputs={
              <TextInput
                source="conclusion"
                label={field('conclusion')}
                multiline
                minRows={3}
                validate={[required(), maxLength(4000)]}
              />
            }
            fields={['conclusion', 'tasks']}
            send={(v) => dataProvider.command(R, record.id, 'close', v)}
          />
        </Box>
      )}
      {record.closure && (
        <Typography variant="body2" sx={{ my: 1 }}>
          {t(field('conclusion'))}：{record.closure.conclusion}（{record.closure.by} · {record.closure.on}）
        </Typography>
      )}
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        {record.tasks.map((task) => (
          <Card key={task.id} variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <Typography variant="subtitle1">
                  {t(`otr.departments.${task.department}`, { _: task.department })}
                </Typography>
                <Status status={task.status} />
              </Stack>
              <Typography variant="body2">
                {t(field('legalBasis'))}：{task.legalBasis}
              </Typography>
              <Typography variant="body2">
                {t(field('dueBy'))}：{task.dueBy}
              </Typography>
              {task.findings && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
                  {task.findings}（{task.completedBy} · {task.completedOn}）
                </Typography>
              )}
              {open && task.status === 'open' && (!myDepartment || myDepartment === task.department) && (
                <Box sx={{ mt: 1, '& .MuiButton-root': touch }}>
                  <CommandButton
                    resource={R}
                    access="completeTask"
                    label={`${words}.commands.completeTask`}
                    inputs={
                      <TextInput
                        source="findings"
                        label={field('findings')}
                        multiline
                        minRows={3}
                        validate={[required(), maxLength(4000)]}
                      />
                    }
                    fields={['findings', 'department']}
                    send={(v) =>
                      dataProvider.command(R, record.id, `tasks/${encodeURIComponent(task.id)}/complete`, v)
                    }
                  />
                </Box>
              )}
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}

export const jointCases = enforcementResource({
  name: R,
  list: JointCaseList,
  file: CaseFile,
  icon: GroupsIcon,
  plain: true,
});
