/**
 * The services' refusals, placed on a form: a 400 lists {field, rule} issues (ZodPipe), a 422
 * names one field, the rule and the source document it comes from (ErrorsFilter). A field the
 * form has gets its message next to its input; anything else is shown above the form.
 * Pure module: jest loads it.
 */
export interface Problems {
  /** Form field path → message, as react-admin's Form sets them on its inputs. */
  fields: Record<string, string>;
  /** Messages with no input to sit next to. */
  general: string[];
}

interface Issue {
  field?: string;
  rule?: string;
  source?: string;
  message?: string;
}

/** The rule, with its source document when the service cites one. */
const ruleText = (i: Issue) =>
  i.rule ? (i.source ? `${i.rule}（${i.source}）` : i.rule) : (i.message ?? '');

/**
 * The form field a service field belongs to: itself, or the shortest tail of its path the form
 * has ("changes.institutionName" → "institutionName", "course.maxClassSize" → "maxClassSize").
 */
export function formFieldOf(field: string | undefined, formFields: readonly string[]): string | undefined {
  if (!field) return undefined;
  const parts = field.split('.');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('.');
    if (formFields.includes(tail)) return tail;
  }
  return undefined;
}

/** What a refusal body says, placed on the given form fields. */
export function problemsOf(body: unknown, formFields: readonly string[], fallback = ''): Problems {
  const out: Problems = { fields: {}, general: [] };
  const b = (body ?? {}) as Issue & { issues?: Issue[] };
  const issues: Issue[] = Array.isArray(b.issues) ? b.issues : b.rule || b.field ? [b] : [];
  for (const issue of issues) {
    const target = formFieldOf(issue.field, formFields);
    if (target && !out.fields[target]) out.fields[target] = ruleText(issue);
    else if (!target) {
      const where = issue.field && issue.field !== '(body)' ? `${issue.field}: ` : '';
      const why = issue.message && issue.rule && !Array.isArray(b.issues) ? `${issue.message} — ` : '';
      out.general.push(`${why}${where}${ruleText(issue)}`);
    }
  }
  if (!issues.length) out.general.push(b.message ?? fallback);
  return out;
}
