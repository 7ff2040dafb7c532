import { FormEvent, useEffect, useRef, useState } from 'react';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_KINDS,
  fileComplaint,
  getInstitution,
  newIdempotencyKey,
  Refused,
  searchInstitutions,
} from '../api';
import {
  Draft,
  EVIDENCE,
  emptyDraft,
  Errors,
  FORM_FIELDS,
  fromIssues,
  toForm,
  validate,
} from '../complaint-form';
import { Choice, ErrorSummary, Field, fieldId, focusFirstError } from '../components/Field';
import { InstitutionPicker } from '../components/InstitutionPicker';
import { DISTRICTS } from '../districts';
import { useI18n } from '../i18n';
import { holdReceipt } from '../receipt';
import { navigate } from '../router';

const id = (field: string) => fieldId('complaint', field);

/** The chosen files, one a row, each with its remove button (a thumb-sized target). */
const FILE_LIST = { listStyle: 'none', padding: 0, margin: '0 0 1rem', display: 'grid', gap: '0.5rem' };
const FILE_ROW = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: '0.5rem',
  overflowWrap: 'anywhere',
} as const;
/** The browser's file control is wider than a phone: it shrinks to the form's width. */
const FILE_INPUT = { width: '100%', minWidth: 0, boxSizing: 'border-box', padding: '0.5rem' } as const;
const REMOVE = { background: 'transparent', color: '#b91c1c', borderColor: '#b91c1c', minWidth: 44 };

/** 投诉举报: a consultation, request for help or complaint about an institution or an unlicensed operator. */
export function ComplaintPage({ institutionId }: { institutionId?: string }) {
  const { t, locale } = useI18n();
  const c = t.complaints;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  // One key per form fill: a double click or a retry after a lost answer files once.
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!institutionId) return;
    // Opened from an institution's page: its directory entry (which carries the license) is the subject.
    const abort = new AbortController();
    getInstitution(institutionId, abort.signal)
      .then((page) =>
        searchInstitutions(
          { q: page.name, district: '', category: '', scope: '', status: '', page: 1 },
          abort.signal,
        ),
      )
      .then(
        (r) => {
          const entry = r.items.find((i) => i.id === institutionId);
          if (entry) setDraft((d) => ({ ...d, subjectKind: 'licensed', institution: entry }));
        },
        () => undefined, // the complainant can still search for it
      );
    return () => abort.abort();
  }, [institutionId]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const show = (found: Errors) => {
    setErrors(found);
    focusFirstError(form.current);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const found = validate(draft, c.errors);
    if (Object.keys(found).length) return show(found);
    setSending(true);
    try {
      holdReceipt(await fileComplaint(toForm(draft), key, draft.evidence));
      navigate('/complaints/receipt');
    } catch (error) {
      if (error instanceof Refused) {
        // Refused, so nothing was filed: the corrected form is a new submission.
        setKey(newIdempotencyKey());
        show(fromIssues(error.issues, c.errors));
      } else show({ form: c.errors.retry });
      setSending(false);
    }
  };

  const labels: Record<string, string> = {
    kind: c.kind,
    category: c.category,
    subject: c.subject,
    'subject.name': c.operatorName,
    'subject.address': c.operatorAddress,
    'subject.activity': c.operatorActivity,
    'subject.district': c.operatorDistrict,
    description: c.description,
    evidence: c.evidence,
    'contact.name': c.contactName,
    'contact.phone': c.contactPhone,
  };
  const summary = [...FORM_FIELDS, 'form' as const]
    .filter((f) => errors[f])
    .map((f): [string, string] =>
      f === 'form' ? [id('submit'), errors.form!] : [id(f), `${labels[f]}：${errors[f]}`],
    );
  const operator = (field: keyof Draft['operator'], label: string, max: number) => (
    <Field id={id(`subject.${field}`)} label={label} error={errors[`subject.${field}`]}>
      {(aria) => (
        <input
          {...aria}
          value={draft.operator[field]}
          maxLength={max}
          onChange={(e) => set({ operator: { ...draft.operator, [field]: e.target.value } })}
        />
      )}
    </Field>
  );

  return (
    <>
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <form ref={form} className="complaint" onSubmit={submit} noValidate>
        <ErrorSummary title={c.errorSummary} errors={summary} />
        <Choice
          id={id('kind')}
          name="kind"
          legend={c.kind}
          value={draft.kind}
          options={COMPLAINT_KINDS.map((k) => [k, c.kinds[k]])}
          onChange={(kind) => set({ kind })}
          error={errors.kind}
        />
        <Field id={id('category')} label={c.category} error={errors.category}>
          {(aria) => (
            <select
              {...aria}
              value={draft.category}
              onChange={(e) => {
                const category = e.target.value as Draft['category'];
                // A tip about unlicensed operation is about an operator without a license.
                set(category === 'unlicensed' ? { category, subjectKind: 'unlicensed' } : { category });
              }}
            >
              <option value="">{c.choose}</option>
              {COMPLAINT_CATEGORIES.map((k) => (
                <option key={k} value={k}>
                  {c.categories[k]}
                </option>
              ))}
            </select>
          )}
        </Field>

        <div className="subject">
          <Choice
            id={id('subjectKind')}
            name="subjectKind"
            legend={c.subject}
            value={draft.subjectKind}
            options={[
              ['licensed', c.licensed],
              ['unlicensed', c.unlicensed],
            ]}
            onChange={(subjectKind) => set({ subjectKind })}
          />
          {draft.subjectKind === 'licensed' ? (
            <InstitutionPicker
              id={id('subject')}
              chosen={draft.institution}
              onChoose={(institution) => set({ institution })}
              error={errors.subject}
            />
          ) : (
            <>
              {operator('name', c.operatorName, 200)}
              {operator('address', c.operatorAddress, 300)}
              {operator('activity', c.operatorActivity, 500)}
              <Field
                id={id('subject.district')}
                label={c.operatorDistrict}
                error={errors['subject.district']}
              >
                {(aria) => (
                  <select
                    {...aria}
                    value={draft.operator.district}
                    onChange={(e) => set({ operator: { ...draft.operator, district: e.target.value } })}
                  >
                    <option value="">{c.choose}</option>
                    {DISTRICTS.map((d) => (
                      <option key={d.code} value={d.code}>
                        {locale === 'en' ? d.en : d.zh}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
        </div>

        <Field
          id={id('description')}
          label={c.description}
          hint={c.descriptionHint}
          error={errors.description}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={6}
              maxLength={4000}
              value={draft.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>

        <Field id={id('evidence')} label={c.evidence} hint={c.evidenceHint} error={errors.evidence}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              multiple
              style={FILE_INPUT}
              accept={EVIDENCE.types.join(',')}
              onChange={(e) => {
                const chosen = Array.from(e.target.files ?? []);
                e.target.value = ''; // the same file can be chosen again after removing it
                set({ evidence: [...draft.evidence, ...chosen] });
              }}
            />
          )}
        </Field>
        {draft.evidence.length > 0 && (
          <ul className="evidence-files" style={FILE_LIST}>
            {draft.evidence.map((file, i) => (
              <li key={`${i}-${file.name}`} style={FILE_ROW}>
                <span>
                  {file.name} · {Math.max(1, Math.round(file.size / 1024))} KB
                </span>
                <button
                  type="button"
                  style={REMOVE}
                  aria-label={c.evidenceRemove(file.name)}
                  onClick={() => set({ evidence: draft.evidence.filter((_f, j) => j !== i) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}

        <fieldset className="contact" aria-describedby={id('contact-privacy')}>
          <legend>{c.contactLegend}</legend>
          <p id={id('contact-privacy')} className="privacy">
            {c.contactPrivacy}
          </p>
          <Field id={id('contact.name')} label={c.contactName} error={errors['contact.name']}>
            {(aria) => (
              <input
                {...aria}
                autoComplete="name"
                maxLength={50}
                value={draft.contact.name}
                onChange={(e) => set({ contact: { ...draft.contact, name: e.target.value } })}
              />
            )}
          </Field>
          <Field id={id('contact.phone')} label={c.contactPhone} error={errors['contact.phone']}>
            {(aria) => (
              <input
                {...aria}
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                maxLength={20}
                value={draft.contact.phone}
                onChange={(e) => set({ contact: { ...draft.contact, phone: e.target.value } })}
              />
            )}
          </Field>
        </fieldset>

        <button id={id('submit')} type="submit" disabled={sending} aria-busy={sending}>
          {sending ? c.submitting : c.submit}
        </button>
      </form>
    </>
  );
}
