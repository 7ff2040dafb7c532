/**
 * The services' refusals, placed on a form. Every error body is RFC 9457 problem+json (see
 * docs/integration.md, Errors) in the console's language: `errors` lists {field, rule, source?};
 * a field the form has gets its rule next to its input, anything else is shown above the form with
 * the problem's `detail`. Pure module: jest loads it.
 */
export interface Problems {
  /** Form field path → message, as react-admin's Form sets them on its inputs. */
  fields: Record<string, string>;
  /** Messages with no input to sit next to. */
  general: string[];
}

/** One field issue of a problem body. */
export interface Issue {
  field: string;
  rule: string;
  source?: string;
}

/** What the console reads of a problem body. */
export interface ProblemBody {
  code?: string;
  detail?: string;
  errors?: Issue[];
}

/** The rule, with its source document when the service cites one. */
export const ruleText = (i: Issue) => (i.source ? `${i.rule}（${i.source}）` : i.rule);

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

/**
 * What a refusal says, placed on the given form fields: a problem body, or react-admin's HttpError
 * body, which carries it as `problem` (its own `errors` is the map react-admin's forms read).
 */
export function problemsOf(body: unknown, formFields: readonly string[], fallback = ''): Problems {
  const out: Problems = { fields: {}, general: [] };
  const p = ((body as { problem?: ProblemBody } | null)?.problem ?? body ?? {}) as ProblemBody;
  const issues = Array.isArray(p.errors) ? p.errors : [];
  for (const issue of issues) {
    const target = formFieldOf(issue.field, formFields);
    if (target && !out.fields[target]) out.fields[target] = ruleText(issue);
    else if (!target) {
      const where = issue.field && issue.field !== '(body)' ? `${issue.field}: ` : '';
      // A domain refusal's detail says what was refused; a validation answer's only lists the issues.
      const why =
        p.detail && p.code !== 'validation-failed' && p.detail !== issue.rule ? `${p.detail} — ` : '';
      out.general.push(`${why}${where}${ruleText(issue)}`);
    }
  }
  if (!issues.length) out.general.push(p.detail ?? fallback);
  return out;
}
