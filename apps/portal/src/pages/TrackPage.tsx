import { FormEvent, ReactNode, RefObject, useEffect, useRef, useState } from 'react';
import { AccessDenied, Refused, trackComplaint, TrackedComplaint } from '../api';
import { Field, fieldId, focusFirstError } from '../components/Field';
import { RatingForm } from '../components/RatingForm';
import { districtName } from '../districts';
import { useI18n } from '../i18n';

const id = (field: string) => fieldId('track', field);
const TRACKING_NUMBER = /^TS\d{8}-[0-9A-Z]{6}$/;

/** 查询进度: tracking number plus access code → status, deadline, public timeline, and the rating. */
export function TrackPage({ trackingNumber }: { trackingNumber?: string }) {
  const { t } = useI18n();
  const k = t.complaints.track;
  const [number, setNumber] = useState(trackingNumber ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ number?: string; code?: string; form?: string }>({});
  const [view, setView] = useState<{ complaint: TrackedComplaint; code: string } | null>(null);
  const [rated, setRated] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (view && !rated) result.current?.focus();
  }, [view, rated]);

  const load = async (n: string, c: string) => {
    setBusy(true);
    try {
      setView({ complaint: await trackComplaint(n, c), code: c });
      setErrors({});
    } catch (error) {
      setView(null);
      setErrors(
        error instanceof AccessDenied
          ? { code: k.denied }
          : error instanceof Refused
            ? { number: k.badNumber }
            : { form: t.error },
      );
      focusFirstError(form.current);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = number.trim().toUpperCase();
    const c = code.replace(/[\s-]/g, '').toUpperCase();
    const found = {
      ...(TRACKING_NUMBER.test(n) ? {} : { number: n ? k.badNumber : t.complaints.errors.required }),
      ...(c ? {} : { code: t.complaints.errors.required }),
    };
    setRated(false);
    if (Object.keys(found).length) {
      setErrors(found);
      return focusFirstError(form.current);
    }
    void load(n, c);
  };

  return (
    <>
      <h1>{k.title}</h1>
      <p>{k.intro}</p>
      <form ref={form} className="track" onSubmit={submit} noValidate>
        <Field id={id('number')} label={k.trackingNumber} hint={k.trackingNumberHint} error={errors.number}>
          {(aria) => (
            <input
              {...aria}
              value={number}
              maxLength={20}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </Field>
        <Field id={id('code')} label={k.accessCode} error={errors.code}>
          {(aria) => (
            <input
              {...aria}
              value={code}
              maxLength={16}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {errors.form && <p role="alert">{errors.form}</p>}
        <button type="submit" disabled={busy} aria-busy={busy}>
          {k.submit}
        </button>
      </form>
      {view && (
        <Progress complaint={view.complaint} headingRef={result}>
          {rated && <p role="status">{t.complaints.rating.thanks}</p>}
          {view.complaint.canRate && (
            <RatingForm
              trackingNumber={view.complaint.trackingNumber}
              accessCode={view.code}
              round={view.complaint.round}
              onRated={() => {
                setRated(true);
                void load(view.complaint.trackingNumber, view.code);
              }}
            />
          )}
        </Progress>
      )}
    </>
  );
}

/** What the complainant may see of the handling: no officials' names, notes or reasons. */
function Progress(props: {
  complaint: TrackedComplaint;
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const c = t.complaints;
  const k = c.track;
  const x = props.complaint;
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
  return (
    <section className="progress" aria-labelledby={id('status')}>
      <h2 id={id('status')} ref={props.headingRef} tabIndex={-1}>
        {k.status}：<span data-testid="complaint-status">{k.statuses[x.status] ?? x.status}</span>
      </h2>
      <dl className="facts">
        <dt>{k.trackingNumber}</dt>
        <dd>{x.trackingNumber}</dd>
        <dt>{c.subject}</dt>
        <dd>
          {x.subject.name} · {districtName(x.subject.district, locale)}
        </dd>
        <dt>{c.category}</dt>
        <dd>
          {c.kinds[x.kind]} · {c.categories[x.category] ?? x.category}
        </dd>
        <dt>{k.filedAt}</dt>
        <dd>{when(x.filedAt)}</dd>
        {x.answerBy && (
          <>
            <dt>{k.answerBy}</dt>
            <dd>
              {x.answerBy}
              <small>{k.answerByNote}</small>
            </dd>
          </>
        )}
        {x.lead && (
          <>
            <dt>{k.lead}</dt>
            <dd>{c.departments[x.lead] ?? x.lead}</dd>
          </>
        )}
        {x.evidenceFiles > 0 && (
          <>
            <dt>{k.evidenceFiles}</dt>
            <dd>{k.evidenceCount(x.evidenceFiles)}</dd>
          </>
        )}
      </dl>
      {x.round === 2 && <p>{k.round}</p>}
      {x.reply && (
        <>
          <h3>{k.reply}</h3>
          <p className="reply">{x.reply}</p>
        </>
      )}
      <h3>{k.timeline}</h3>
      <ol className="timeline">
        {x.timeline.map((s, i) => (
          <li key={i}>
            <time dateTime={s.at}>{when(s.at)}</time> {k.steps[s.step] ?? s.step}
          </li>
        ))}
      </ol>
      {props.children}
    </section>
  );
}
