import { useState } from 'react';
import {
  CanAccess,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import { exporterFor } from '../providers/csv-exporter';

const statuses = ['submitted', 'returned', 'approved', 'rejected'];
const categories = ['subject', 'sports', 'arts', 'science-tech'];

function Label({ group, source }: { group: string; source: string }) {
  const record = useRecordContext();
  const t = useTranslate();
  return <>{record ? t(`otr.${group}.${record[source]}`, { _: String(record[source]) }) : null}</>;
}

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={statuses.map((id) => ({ id, name: `otr.statuses.${id}` }))}
    alwaysOn
  />,
  <SelectInput
    key="category"
    source="category"
    choices={categories.map((id) => ({ id, name: `otr.categories.${id}` }))}
  />,
];

/** The approver's work queue: applications in the jurisdiction, oldest first. */
export const ApplicationList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'submitted' }}
    exporter={exporterFor('applications')}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="institutionName" />
      <FunctionField source="category" render={() => <Label group="categories" source="category" />} />
      <TextField source="district" />
      <FunctionField source="status" render={() => <Label group="statuses" source="status" />} />
      <FunctionField
        source="competentDepartment"
        render={() => <Label group="departments" source="competentDepartment" />}
      />
      <DateField source="submittedAt" showTime />
    </Datagrid>
  </List>
);

type Dialogs = 'return' | 'reject' | 'requestOpinion' | null;

function DecisionButtons() {
  const record = useRecordContext();
  const t = useTranslate();
  const dataProvider = useDataProvider() as unknown as {
    command(r: string, id: string, a: string, b?: unknown): Promise<unknown>;
  };
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<Dialogs>(null);
  const [text, setText] = useState('');
  const [department, setDepartment] = useState('fire');
  if (!record || record.status !== 'submitted') return null;
  const run = async (action: string, body?: unknown) => {
    try {
      await dataProvider.command('applications', String(record.id), action, body);
      notify('otr.actions.done', { type: 'success' });
      setOpen(null);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const confirm = () =>
    open === 'return'
      ? run('return', { items: [{ field: 'materials', reason: text }] })
      : open === 'reject'
        ? run('reject', { reasons: text })
        : run('opinions', { department });
  return (
    <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: 'wrap' }}>
      <CanAccess resource="applications" action="approve">
        <Button variant="contained" onClick={() => run('approve')}>
          {t('otr.actions.approve')}
        </Button>
      </CanAccess>
      <CanAccess resource="applications" action="requestOpinion">
        <Button variant="outlined" onClick={() => setOpen('requestOpinion')}>
          {t('otr.actions.requestOpinion')}
        </Button>
      </CanAccess>
      <CanAccess resource="applications" action="return">
        <Button variant="outlined" onClick={() => setOpen('return')}>
          {t('otr.actions.return')}
        </Button>
      </CanAccess>
      <CanAccess resource="applications" action="reject">
        <Button variant="outlined" color="error" onClick={() => setOpen('reject')}>
          {t('otr.actions.reject')}
        </Button>
      </CanAccess>
      <Dialog open={open !== null} onClose={() => setOpen(null)} fullWidth>
        <DialogTitle>{open ? t(`otr.actions.${open}`) : ''}</DialogTitle>
        <DialogContent>
          {open === 'requestOpinion' ? (
            <MuiTextField
              select
              fullWidth
              label={t('otr.actions.department')}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              sx={{ mt: 1 }}
            >
              {['fire', 'public-security', 'market-regulation', 'civil-affairs', 'health'].map((d) => (
                <MenuItem key={d} value={d}>
                  {t(`otr.departments.${d}`)}
                </MenuItem>
              ))}
            </MuiTextField>
          ) : (
            <MuiTextField
              autoFocus
              fullWidth
              multiline
              minRows={3}
              label={t('otr.actions.reason')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              sx={{ mt: 1 }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)}>{t('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            onClick={confirm}
            disabled={open !== 'requestOpinion' && text.trim().length < 2}
          >
            {t('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function Opinions() {
  const record = useRecordContext();
  const t = useTranslate();
  const entries = Object.entries(
    (record?.opinions ?? {}) as Record<string, { dueBy: string; agrees?: boolean; reasons?: string }>,
  );
  if (!entries.length) return <span>—</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {entries.map(([d, o]) => (
        <li key={d}>
          {t(`otr.departments.${d}`)}：
          {o.agrees === undefined
            ? `… (${o.dueBy})`
            : o.agrees
              ? t('otr.actions.agree')
              : `${t('otr.actions.disagree')} — ${o.reasons}`}
        </li>
      ))}
    </ul>
  );
}

export const ApplicationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="form.institutionName" label="resources.applications.fields.institutionName" />
      <FunctionField
        label="resources.applications.fields.status"
        render={() => <Label group="statuses" source="status" />}
      />
      <FunctionField
        label="resources.applications.fields.competentDepartment"
        render={() => <Label group="departments" source="competentDepartment" />}
      />
      <TextField source="form.address" label="resources.applications.fields.address" />
      <TextField source="form.district" label="resources.applications.fields.district" />
      <FunctionField label="resources.applications.fields.opinions" render={() => <Opinions />} />
      <DecisionButtons />
    </SimpleShowLayout>
  </Show>
);
