import { ReactNode } from 'react';

/** What a control needs to be tied to its hint and error (read out with it, marked invalid). */
export interface FieldAria {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export const fieldId = (form: string, field: string) => `${form}-${field.replace(/\./g, '-')}`;

function describedBy(id: string, hint?: ReactNode, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A labelled control with its hint and error; the control is rendered by the caller with `aria`. */
export function Field(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (aria: FieldAria) => ReactNode;
}) {
  const { id, label, hint, error } = props;
  const aria: FieldAria = {
    id,
    'aria-describedby': describedBy(id, hint, error),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {props.children(aria)}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

/** A group of radio buttons under a legend; the first radio carries the id errors link to. */
export function Choice<T extends string>(props: {
  id: string;
  legend: string;
  name: string;
  value: T | '';
  options: [T, string][];
  onChange: (value: T) => void;
  error?: string;
  note?: ReactNode;
}) {
  const { id, legend, name, value, options, error, note } = props;
  return (
    <fieldset className={error ? 'choice invalid' : 'choice'} aria-describedby={describedBy(id, note, error)}>
      <legend>{legend}</legend>
      {note && (
        <p id={`${id}-hint`} className="hint">
          {note}
        </p>
      )}
      <div className="options">
        {options.map(([key, text], i) => (
          <label key={key}>
            <input
              type="radio"
              name={name}
              value={key}
              id={i === 0 ? id : undefined}
              checked={value === key}
              aria-invalid={error && i === 0 ? true : undefined}
              onChange={() => props.onChange(key)}
            />
            {text}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** The errors at the top of a form, each a link to its field (focus goes to the first field). */
export function ErrorSummary({ title, errors }: { title: string; errors: [id: string, message: string][] }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{title}</p>
      <ul>
        {errors.map(([id, message]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moves focus to the first invalid control of a form once its errors are rendered, else to the summary. */
export function focusFirstError(form: HTMLElement | null) {
  requestAnimationFrame(() =>
    (
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.error-summary')
    )?.focus(),
  );
}
