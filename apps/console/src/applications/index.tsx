import { useState } from 'react';
import AssignmentIcon from '@mui/icons-material/Assignment';
import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import {
  ArrayInput,
  Datagrid,
  DateField,
  FunctionField,
  EditButton,
  List,
  maxLength,
  minLength,
  required,
  ResourceProps,
  SearchInput,
  SelectInput,
  Show,
  SimpleFormIterator,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ApiBody } from '@otr/contracts/browser';
import { districtChoices, jurisdictionName } from '../i18n/jurisdictions';
import { CommandButton } from '../layout/CommandDialog';
import { gridSx, ListActions } from '../layout/ListActions';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationResubmit, CorrectionItems } from './ApplicationResubmit';
import {
  Application,
  ApplicationRow,
  CORRECTABLE_FIELDS,
  deadlineFlags,
  isOverdueItem,
  offers,
} from './application-file';
import { Documents, SiteVisits } from './Materials';
import { StatusChip } from '../layout/StatusChip';
import { useSmall } from '../layout/useSmall';
import { ExportField, useCsvExporter } from '../providers/csv-exporter';
import type { OtrDataProvider } from '../providers/data-provider';
import { session } from '../providers/session';

/** Filter and dialog choices, in this order; the compiler holds each to the service's enum. */
const keysOf = <K extends string>(order: Record<K, number>) => Object.keys(order) as K[];
const statuses = keysOf<Application['status']>({ submitted: 0, returned: 1, approved: 2, rejected: 3 });
const categories = keysOf<ApplicationRow['category']>({ subject: 0, sports: 1, arts: 2, 'science-tech': 3 });
const OPINION_DEPARTMENTS = keysOf<ApiBody<'/api/v1/registration/applications/{id}/opinions'>['department']>({
  fire: 0,
  'public-security': 1,
  'market-regulation': 2,
  'civil-affairs': 3,
  health: 4,
});

const exportFields: ExportField<ApplicationRow>[] = [
  { source: 'institutionName' },
  { source: 'category', render: (r, t) => t(`otr.categories.${r.category}`, { _: r.category }) },
  { source: 'district', render: (r, _t, locale) => jurisdictionName(r.district, locale) },
  { source: 'status', render: (r, t) => t(`otr.statuses.${r.status}`, { _: r.status }) },
  {
    source: 'competentDepartment',
    render: (r, t) => t(`otr.departments.${r.competentDepartment}`, { _: r.competentDepartment }),
  },
  {
    source: 'submittedAt',
    render: (r, _t, locale) =>
      r.submittedAt ? new Date(r.submittedAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' }) : '',
  },
  { source: 'id' },
];

/** A step past its deadline stands out in red; an opinion still awaited is outlined. */
function Deadlines({ item }: { item: ApplicationRow }) {
  const t = useTranslate();
  const flags = deadlineFlags(item);
  if (!flags.length) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {flags.map((f) => {
        const department = f.department ? t(`otr.departments.${f.department}`, { _: f.department }) : '';
        const label =
          f.kind === 'pending'
            ? t('otr.workQueue.opinionPending', { department })
            : f.step === 'decision'
              ? t('otr.workQueue.decisionOverdue')
              : t('otr.workQueue.opinionOverdue', { department });
        return (
          <Chip
            key={`${f.kind}:${f.step}:${f.department ?? ''}`}
            size="small"
            label={label}
            color={f.kind === 'overdue' ? 'error' : 'default'}
            variant={f.kind === 'overdue' ? 'filled' : 'outlined'}
          />
        );
      })}
    </Stack>
  );
}

/** Rows with an overdue step are tinted red, as overdue rectifications are. */
const overdueSx = (r: ApplicationRow) =>
  isOverdueItem(r) ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {};

/** The approver's work queue (the task-force officer's joint reviews, the operator's own applications). */
export const ApplicationList = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const small = useSmall();
  // An operator sees every state of their own applications, a returned one first of all.
  const operator = session.get()?.user.roles.includes('institution-operator') ?? false;
  const exporter = useCsvExporter('applications', exportFields);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
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
    <SelectInput key="district" source="district" choices={districtChoices(locale)} />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={operator ? {} : { status: 'submitted' }}
      actions={<ListActions filters create />}
      exporter={exporter}
    >
      {small ? (
        <SimpleList<ApplicationRow>
          primaryText={(r) => r.institutionName}
          secondaryText={(r) =>
            `${t(`otr.categories.${r.category}`, { _: r.category })} · ${jurisdictionName(r.district, locale)}`
          }
          tertiaryText={(r) =>
            [
              t(`otr.statuses.${r.status}`, { _: r.status }),
              ...(isOverdueItem(r) ? [t('otr.workQueue.overdue')] : []),
            ].join(' · ')
          }
          rowSx={overdueSx}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} sx={gridSx} rowSx={overdueSx}>
          <TextField source="institutionName" />
          <FunctionField<ApplicationRow>
            source="category"
            sortable={false}
            render={(r) => t(`otr.categories.${r.category}`, { _: r.category })}
          />
          <FunctionField<ApplicationRow>
            source="district"
            render={(r) => jurisdictionName(r.district, locale)}
          />
          <FunctionField<ApplicationRow>
            source="status"
            sortable={false}
            render={(r) => <StatusChip status={r.status} />}
          />
          <FunctionField<ApplicationRow>
            source="competentDepartment"
            sortable={false}
            render={(r) => t(`otr.departments.${r.competentDepartment}`, { _: r.competentDepartment })}
          />
          <DateField source="submittedAt" showTime />
          <FunctionField<ApplicationRow>
            source="deadlines"
            sortable={false}
            render={(r) => <Deadlines item={r} />}
          />
        </Datagrid>
      )}
    </List>
  );
};

type Dialogs = 'approve' | 'reject' | 'requestOpinion' | 'giveOpinion' | null;

function useCommand() {
  const dataProvider = useDataProvider<OtrDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (id: string, action: string, body?: unknown) => {
    try {
      await dataProvider.command('applications', id, action, body);
      notify('otr.actions.done', { type: 'success' });
      refresh();
      return true;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return false;
    }
  };
}

const correctable = Object.entries(CORRECTABLE_FIELDS).map(([id, name]) => ({ id, name }));

/** Return for correction (退回补正): each item the operator must correct, with its reason. */
function ReturnForCorrection({ id }: { id: string }) {
  const dataProvider = useDataProvider<OtrDataProvider>();
  return (
    <CommandButton
      resource="applications"
      access="return"
      label="otr.actions.return"
      color="warning"
      defaultValues={{ items: [{ field: 'materials', reason: '' }] }}
      inputs={
        <ArrayInput source="items" label="otr.correction.items" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <SelectInput
              source="field"
              label="otr.correction.field"
              choices={correctable}
              validate={required()}
            />
            <TextInput
              source="reason"
              label="otr.correction.reason"
              multiline
              validate={[required(), minLength(2), maxLength(500)]}
            />
          </SimpleFormIterator>
        </ArrayInput>
      }
      fields={['items']}
      send={(v) => dataProvider.command('applications', id, 'return', { items: v.items })}
    />
  );
}

/** The approver's decisions and the asked department's opinion: each only where the service offers it on the record. */
function ReviewButtons() {
  const record = useRecordContext<Application>();
  const t = useTranslate();
  const { data: me } = useGetIdentity();
  const command = useCommand();
  const [open, setOpen] = useState<Dialogs>(null);
  const [text, setText] = useState('');
  const [department, setDepartment] = useState('fire');
  const [agrees, setAgrees] = useState(true);
  if (!record) return null;
  const close = () => {
    setOpen(null);
    setText('');
  };
  const run = async (action: string, body?: unknown) => {
    if (await command(String(record.id), action, body)) close();
  };
  const confirm = () => {
    switch (open) {
      case 'approve':
        return run('approve');
      case 'reject':
        return run('reject', { reasons: text });
      case 'requestOpinion':
        return run('opinions', { department });
      case 'giveOpinion':
        return run(`opinions/${me?.department}`, { agrees, reasons: text });
    }
  };
  const needsText = open === 'reject' || (open === 'giveOpinion' && !agrees);
  return (
    <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: 'wrap', rowGap: 1 }}>
      {offers(record, 'approve') && (
        <Button variant="contained" onClick={() => setOpen('approve')}>
          {t('otr.actions.approve')}
        </Button>
      )}
      {offers(record, 'requestOpinion') && (
        <Button variant="outlined" onClick={() => setOpen('requestOpinion')}>
          {t('otr.actions.requestOpinion')}
        </Button>
      )}
      {offers(record, 'return') && <ReturnForCorrection id={String(record.id)} />}
      {offers(record, 'reject') && (
        <Button variant="outlined" color="error" onClick={() => setOpen('reject')}>
          {t('otr.actions.reject')}
        </Button>
      )}
      {offers(record, 'giveOpinion') && me?.department && (
        <Button variant="contained" onClick={() => setOpen('giveOpinion')}>
          {t('otr.actions.giveOpinion')}
        </Button>
      )}
      <Dialog open={open !== null} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{open ? t(`otr.actions.${open}`) : ''}</DialogTitle>
        <DialogContent>
          {open === 'approve' && <DialogContentText>{t('otr.actions.confirmApprove')}</DialogContentText>}
          {open === 'requestOpinion' && (
            <MuiTextField
              select
              fullWidth
              label={t('otr.actions.department')}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              sx={{ mt: 1 }}
            >
              {OPINION_DEPARTMENTS.map((d) => (
                <MenuItem key={d} value={d}>
                  {t(`otr.departments.${d}`)}
                </MenuItem>
              ))}
            </MuiTextField>
          )}
          {open === 'giveOpinion' && (
            <RadioGroup
              row
              value={agrees ? 'yes' : 'no'}
              onChange={(e) => setAgrees(e.target.value === 'yes')}
            >
              <FormControlLabel value="yes" control={<Radio />} label={t('otr.actions.agree')} />
              <FormControlLabel value="no" control={<Radio />} label={t('otr.actions.disagree')} />
            </RadioGroup>
          )}
          {(open === 'reject' || open === 'giveOpinion') && (
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
          <Button onClick={close}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={confirm} disabled={needsText && text.trim().length < 2}>
            {t('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function Opinions() {
  const record = useRecordContext<Application>();
  const t = useTranslate();
  const entries = Object.entries(record?.opinions ?? {});
  if (!entries.length) return <span>—</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {entries.map(([d, o]) => (
        <li key={d}>
          {t(`otr.departments.${d}`, { _: d })}：
          {o.agrees === undefined
            ? `${t('otr.facts.dueBy')} ${o.dueBy}`
            : o.agrees
              ? t('otr.actions.agree')
              : `${t('otr.actions.disagree')} — ${o.reasons}`}
        </li>
      ))}
    </ul>
  );
}

/** A returned application: the items to correct, and for its operator the way to correct them. */
function Corrections() {
  const record = useRecordContext<Application>();
  if (record?.status !== 'returned') return null;
  return (
    <>
      <CorrectionItems items={record.corrections ?? []} />
      {offers(record, 'resubmit') && <EditButton label="otr.correction.resubmit" variant="contained" />}
    </>
  );
}

/**
 * Right after filing, react-admin shows the filing's receipt until the application itself arrives:
 * read the form optionally.
 */
export const ApplicationShow = () => {
  const t = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    // No edit button on top: a returned application is corrected from its items (Corrections).
    <Show actions={false}>
      <SimpleShowLayout>
        <Corrections />
        <TextField source="form.institutionName" label="resources.applications.fields.institutionName" />
        <FunctionField<Application>
          label="resources.applications.fields.status"
          render={(r) => <StatusChip status={r.status} />}
        />
        <FunctionField<Application>
          label="resources.applications.fields.category"
          render={(r) => t(`otr.categories.${r.form?.category}`, { _: r.form?.category ?? '' })}
        />
        <FunctionField<Application>
          label="resources.applications.fields.scopes"
          render={(r) => (r.form?.scopes ?? []).map((s) => t(`otr.scopes.${s}`, { _: s })).join('、')}
        />
        <FunctionField<Application>
          label="resources.applications.fields.competentDepartment"
          render={(r) => t(`otr.departments.${r.competentDepartment}`, { _: r.competentDepartment })}
        />
        <FunctionField<Application>
          label="resources.applications.fields.district"
          render={(r) => jurisdictionName(r.form?.district, locale)}
        />
        <TextField source="form.address" label="resources.applications.fields.address" />
        <FunctionField label="resources.applications.fields.opinions" render={() => <Opinions />} />
        <FunctionField label="resources.applications.fields.documents" render={() => <Documents />} />
        <FunctionField label="resources.applications.fields.siteVisits" render={() => <SiteVisits />} />
        <ReviewButtons />
      </SimpleShowLayout>
    </Show>
  );
};

export const applications: ResourceProps = {
  name: 'applications',
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  edit: ApplicationResubmit,
  icon: AssignmentIcon,
  recordRepresentation: (r) => r.form?.institutionName ?? r.institutionName,
};
