import type { ComplaintCategory, ComplaintForm, ComplaintKind, FieldIssue, InstitutionSummary } from './api';
import type { Messages } from './i18n';

/** The institution a complaint is about, as the directory search listed it. */
export type ChosenInstitution = Pick<InstitutionSummary, 'id' | 'name' | 'district' | 'licenseNumber'>;

/** What the form holds while it is filled in. */
export interface Draft {
  kind: ComplaintKind;
  category: ComplaintCategory | '';
  subjectKind: 'licensed' | 'unlicensed';
  institution: ChosenInstitution | null;
  operator: { name: string; address: string; activity: string; district: string };
  description: string;
  contact: { name: string; phone: string };
  /** Photos and PDFs to attach (证据材料). */
  evidence: File[];
}

export const emptyDraft = (): Draft => ({
  kind: 'complaint',
  category: '',
  subjectKind: 'licensed',
  institution: null,
  operator: { name: '', address: '', activity: '', district: '' },
  description: '',
  contact: { name: '', phone: '' },
  evidence: [],
});

/** Field → message; `form` holds a refusal no field stands for. */
export type Errors = Partial<Record<FormField | 'form', string>>;
export const FORM_FIELDS = [
  'kind',
  'category',
  'subject',
  'subject.name',
  'subject.address',
  'subject.activity',
  'subject.district',
  'description',
  'evidence',
  'contact.name',
  'contact.phone',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The same limits as the complaints service's ComplaintForm, checked before sending. */
const LIMITS = { 'subject.name': 200, 'subject.address': 300, 'subject.activity': 500, description: 4000 };
const PHONE = /^\+?[\d\s-]{7,20}$/;
/**
 * The service's evidence limits (apps/complaints domain/evidence.ts): photos and PDFs, 10 MB each;
 * 5 files and 25 MB in all, or for an anonymous tip 3 files and 10 MB.
 */
export const EVIDENCE = {
  files: 5,
  maxBytes: 10 * 1024 * 1024,
  totalBytes: 25 * 1024 * 1024,
  anonymous: { files: 3, totalBytes: 10 * 1024 * 1024 },
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
};

function evidenceError(
  files: File[],
  anonymous: boolean,
  m: Messages['complaints']['errors'],
): string | undefined {
  const limits = anonymous ? EVIDENCE.anonymous : EVIDENCE;
  if (files.length > limits.files) return m.evidenceCount(limits.files);
  if (files.some((f) => !EVIDENCE.types.includes(f.type))) return m.evidenceType;
  if (files.some((f) => f.size > EVIDENCE.maxBytes)) return m.evidenceSize(EVIDENCE.maxBytes / 1024 / 1024);
  if (files.reduce((n, f) => n + f.size, 0) > limits.totalBytes)
    return m.evidenceTotal(limits.totalBytes / 1024 / 1024);
  return undefined;
}

export function validate(d: Draft, m: Messages['complaints']['errors']): Errors {
  const errors: Errors = {};
  const text = (field: keyof typeof LIMITS | 'contact.name', value: string, max: number) => {
    if (!value.trim()) errors[field] = m.required;
    else if (value.trim().length > max) errors[field] = m.tooLong(max);
  };
  if (!d.category) errors.category = m.choose;
  if (d.subjectKind === 'licensed') {
    if (!d.institution) errors.subject = m.subject;
  } else {
    text('subject.name', d.operator.name, LIMITS['subject.name']);
    text('subject.address', d.operator.address, LIMITS['subject.address']);
    text('subject.activity', d.operator.activity, LIMITS['subject.activity']);
    if (!d.operator.district) errors['subject.district'] = m.choose;
  }
  text('description', d.description, LIMITS.description);
  const evidence = evidenceError(d.evidence, !d.contact.name.trim() && !d.contact.phone.trim(), m);
  if (evidence) errors.evidence = evidence;
  const { name, phone } = d.contact;
  if (name.trim() || phone.trim()) {
    if (!name.trim()) errors['contact.name'] = m.contactPair;
    else if (name.trim().length > 50) errors['contact.name'] = m.tooLong(50);
    if (!phone.trim()) errors['contact.phone'] = m.contactPair;
    else if (!PHONE.test(phone.trim())) errors['contact.phone'] = m.phone;
  }
  return errors;
}

/** The request body; call only on a draft that validated. */
export function toForm(d: Draft): ComplaintForm {
  const o = d.operator;
  const contact = d.contact.name.trim()
    ? { contact: { name: d.contact.name.trim(), phone: d.contact.phone.trim() } }
    : {};
  return {
    kind: d.kind,
    category: d.category as ComplaintCategory,
    subject:
      d.subjectKind === 'licensed'
        ? { institutionId: d.institution!.id }
        : {
            name: o.name.trim(),
            address: o.address.trim(),
            activity: o.activity.trim(),
            district: o.district,
          },
    description: d.description.trim(),
    ...contact,
  };
}

/** The service's refusals under the fields they name (an institution it does not know: the subject). */
export function fromIssues(issues: FieldIssue[], m: Messages['complaints']['errors']): Errors {
  const errors: Errors = {};
  for (const { field, rule } of issues) {
    if (field.startsWith('subject.institutionId') || field === 'subject') {
      errors.subject = field === 'subject' ? rule : m.unknownInstitution;
    } else {
      errors[FORM_FIELDS.find((f) => f === field) ?? 'form'] = rule;
    }
  }
  return errors;
}
