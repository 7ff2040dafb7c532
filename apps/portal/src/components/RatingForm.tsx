import { FormEvent, useRef, useState } from 'react';
import { rateComplaint, Refused } from '../api';
import { useI18n } from '../i18n';
import { Choice, Field, fieldId, focusFirstError } from './Field';

const id = (field: string) => fieldId('rating', field);

/** The complainant rates the answer; "not satisfied" in the first round has it handled again. */
export function RatingForm(props: {
  trackingNumber: string;
  accessCode: string;
  round: 1 | 2;
  onRated: () => void;
}) {
  const { t } = useI18n();
  const r = t.complaints.rating;
  const [satisfied, setSatisfied] = useState<'yes' | 'no' | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ satisfied?: string; comment?: string }>({});
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!satisfied) {
      setErrors({ satisfied: t.complaints.errors.choose });
      return focusFirstError(form.current);
    }
    setSending(true);
    try {
      await rateComplaint(props.trackingNumber, props.accessCode, {
        satisfied: satisfied === 'yes',
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      props.onRated();
    } catch (error) {
      const rule = error instanceof Refused ? error.issues[0]?.rule : undefined;
      setErrors({ comment: rule ?? t.error });
      focusFirstError(form.current);
    } finally {
      setSending(false);
    }
  };

  return (
    <form ref={form} className="rating" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h2 id={id('title')}>{r.title}</h2>
      <Choice
        id={id('satisfied')}
        name="satisfied"
        legend={r.title}
        value={satisfied}
        options={[
          ['yes', r.satisfied],
          ['no', r.unsatisfied],
        ]}
        onChange={setSatisfied}
        note={props.round === 1 ? r.reopenNote : undefined}
        error={errors.satisfied}
      />
      <Field id={id('comment')} label={r.comment} error={errors.comment}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={sending} aria-busy={sending}>
        {r.submit}
      </button>
    </form>
  );
}
