import { ChangeEvent, useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  HttpError,
  TextInput,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { CommandDialog } from '../layout/CommandDialog';
import { Application, offers } from './application-file';
import { problemsOf } from '../providers/problems';
import { apiFetch } from '../providers/session';

/** The materials an application carries, in this order; the compiler holds them to the service's enum. */
const KINDS: Record<Application['documents'][number]['kind'], number> = {
  'venue-lease': 0,
  'fire-safety-acceptance': 1,
  'legal-person-registration': 2,
  'legal-representative-id': 3,
  'staff-certificate': 4,
  'course-outline': 5,
  'fee-standard': 6,
  other: 7,
};
const DOCUMENT_KINDS = Object.keys(KINDS);

type ApplicationMaterials = Pick<Application, 'id' | 'status' | 'documents' | 'siteVisits' | 'actions'>;

const base = (id: string) => `/api/registration/applications/${id}`;

/** Opens a filed document: the bytes come through the gateway with the session's token. */
async function openDocument(id: string, sha256: string) {
  const res = await apiFetch(`${base(id)}/documents/${sha256}`);
  if (!res.ok) return;
  window.open(URL.createObjectURL(await res.blob()), '_blank', 'noopener');
}

/** Documents filed with the application (by SHA-256), and the upload where the service offers it. */
export function Documents() {
  const record = useRecordContext<ApplicationMaterials>();
  const t = useTranslate();
  const refresh = useRefresh();
  const [kind, setKind] = useState<string>('venue-lease');
  const [problem, setProblem] = useState<string>();
  if (!record) return null;
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', file, file.name);
    const res = await apiFetch(`${base(record.id)}/documents`, { method: 'POST', body });
    const answer = await res.json().catch(() => ({}));
    setProblem(res.ok ? undefined : problemsOf(answer, [], res.statusText).general.join(' · '));
    e.target.value = '';
    if (res.ok) refresh();
  };
  return (
    <Stack spacing={1}>
      {(record.documents ?? []).length === 0 && <span>—</span>}
      {(record.documents ?? []).map((d) => (
        <div key={`${d.kind}-${d.sha256}`} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Button size="small" onClick={() => openDocument(record.id, d.sha256)}>
            {t(`otr.documents.${d.kind}`, { _: d.kind })}
          </Button>
          <span>
            {d.filename ?? ''} · {Math.ceil(d.size / 1024)} KB · SHA-256 {d.sha256.slice(0, 12)}…
          </span>
        </div>
      ))}
      {offers(record, 'attachDocument') && (
        <>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <MuiTextField
              select
              size="small"
              label={t('otr.documents.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              {DOCUMENT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`otr.documents.${k}`)}
                </MenuItem>
              ))}
            </MuiTextField>
            <Button component="label" variant="outlined" size="small">
              {t('otr.documents.upload')}
              <input hidden type="file" accept="application/pdf,image/jpeg,image/png" onChange={upload} />
            </Button>
          </div>
        </>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
    </Stack>
  );
}

/** The competent department's site visits (实地核查), and recording one where the service offers it. */
export function SiteVisits() {
  const record = useRecordContext<ApplicationMaterials>();
  const t = useTranslate();
  const [recording, setRecording] = useState(false);
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {(record.siteVisits ?? []).length === 0 && <span>—</span>}
      {(record.siteVisits ?? []).map((v, i) => (
        <span key={i}>
          {v.visitedOn} · {t(v.conforms ? 'otr.siteVisits.conforms' : 'otr.siteVisits.doesNotConform')}
          {v.findings ? ` — ${v.findings}` : ''} ({v.by})
        </span>
      ))}
      {offers(record, 'recordSiteVisit') && (
        <Button
          size="small"
          variant="outlined"
          onClick={() => setRecording(true)}
          sx={{ alignSelf: 'start' }}
        >
          {t('otr.siteVisits.record')}
        </Button>
      )}
      {recording && (
        <CommandDialog
          title="otr.siteVisits.record"
          fields={['visitedOn', 'conforms', 'findings']}
          defaultValues={{ conforms: true, findings: '' }}
          inputs={
            <>
              <DateInput source="visitedOn" label="otr.siteVisits.visitedOn" />
              <BooleanInput source="conforms" label="otr.siteVisits.conforms" />
              <TextInput source="findings" label="otr.siteVisits.findings" multiline />
            </>
          }
          send={async (values) => {
            const res = await apiFetch(`${base(record.id)}/site-visits`, {
              method: 'POST',
              body: JSON.stringify(values),
            });
            if (!res.ok) {
              const body = await res.json().catch(() => null);
              throw new HttpError(body?.detail ?? res.statusText, res.status, body);
            }
          }}
          onClose={() => setRecording(false)}
        />
      )}
    </Stack>
  );
}
