import { Alert, AlertTitle, List as MuiList, ListItem, ListItemText } from '@mui/material';
import { Edit, SimpleForm, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { problemsOf } from '../providers/problems';
import { RESOURCES } from '../providers/resources';
import { apiFetch } from '../providers/session';
import {
  Application,
  correctionLabel,
  CorrectionItem,
  fieldPaths,
  resubmissionBody,
  StaffRow,
} from './application-file';
import { ApplicationInputs } from './ApplicationInputs';

/** The returned application; its form as the inputs edit it (a staff member may take a new identity number). */
type Returned = Pick<Application, 'id' | 'status' | 'corrections'> & {
  form: { staff?: StaffRow[] } & Record<string, unknown>;
};

/** A correction item's field in the reader's words ("从业人员 #1 certificate"). */
export function useCorrectionLabel() {
  const t = useTranslate();
  return (field: string) => {
    const { key, rest } = correctionLabel(field);
    return [key ? t(key) : '', rest].filter(Boolean).join(' ');
  };
}

/** The items the approver returned, each with its reason. */
export function CorrectionItems({ items, hint }: { items: CorrectionItem[]; hint?: boolean }) {
  const t = useTranslate();
  const label = useCorrectionLabel();
  if (!items.length) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="corrections">
      <AlertTitle>{t('otr.correction.items')}</AlertTitle>
      {hint && t('otr.correction.hint')}
      <MuiList dense disablePadding>
        {items.map((i) => (
          <ListItem key={`${i.field}:${i.reason}`} disableGutters>
            <ListItemText primary={label(i.field)} secondary={i.reason} />
          </ListItem>
        ))}
      </MuiList>
    </Alert>
  );
}

/** The form of the returned application, with each item's reason under its input; PUT sends it back. */
function CorrectionForm() {
  const record = useRecordContext<Returned>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record) return null;
  const items = record.corrections ?? [];
  const notes = Object.fromEntries(items.map((i) => [i.field, i.reason]));
  const resubmit = async (values: Record<string, unknown>) => {
    const res = await apiFetch(`${RESOURCES.applications.url}/${encodeURIComponent(record.id)}`, {
      method: 'PUT',
      body: JSON.stringify(resubmissionBody(values)),
    });
    if (res.ok) {
      notify('otr.correction.resubmitted', { type: 'success' });
      redirect('show', 'applications', record.id);
      return undefined;
    }
    const body = await res.json().catch(() => null);
    const problems = problemsOf(body, fieldPaths(values), res.statusText);
    if (problems.general.length)
      notify(problems.general.join('；'), { type: 'error', messageArgs: { _: problems.general.join('；') } });
    return problems.fields;
  };
  return (
    <SimpleForm record={record.form} onSubmit={resubmit}>
      <CorrectionItems items={items} hint />
      <ApplicationInputs notes={notes} resubmission />
    </SimpleForm>
  );
}

/** The operator corrects a returned application (补正) and submits it again (edit route). */
export const ApplicationResubmit = () => (
  <Edit mutationMode="pessimistic" title="otr.correction.title">
    <CorrectionForm />
  </Edit>
);
