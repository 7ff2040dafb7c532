import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  AccessDenied,
  confirmLesson,
  disputeLesson,
  familyOrders,
  FamilyLesson,
  FamilyOrder,
  familyToken,
  FieldIssue,
  rateOrder,
  Refused,
  requestRefund,
  sendSignInCode,
  SignedOut,
  signInFamily,
} from '../api';
import {
  Choice,
  ErrorSummary,
  Field,
  FieldAria,
  FieldError,
  fieldId,
  focusFirstError,
} from '../components/Field';
import { Messages, useI18n, yuan } from '../i18n';

type FamilyMessages = Messages['family'];
/** Field → message; `form` holds a refusal no field stands for. */
type Errors = Partial<Record<string, string>>;

// The same checks as the fee-supervision service's sign-in and answer bodies.
const PHONE = /^1[3-9]\d{9}$/;
const CODE = /^\d{6}$/;
const reasonOk = (r: string) => r.trim().length >= 2 && r.trim().length <= 1000;

/** The service's refusals under the fields they name, each rule with its source. */
function fromIssues(issues: FieldIssue[], fields: string[], m: FamilyMessages): Errors {
  const errors: Errors = {};
  for (const { field, rule, source } of issues)
    errors[fields.includes(field) ? field : 'form'] = m.ruleWithSource(rule, source);
  return errors;
}

/** 我的订单: sign in by phone and one-time code, then the family's orders. */
export function FamilyPage() {
  const { t } = useI18n();
  const m = t.family;
  const [signedIn, setSignedIn] = useState(() => familyToken.get() !== null);
  const [expired, setExpired] = useState(false);
  const signOut = useCallback((becauseExpired: boolean) => {
    familyToken.clear();
    setExpired(becauseExpired);
    setSignedIn(false);
  }, []);
  const expire = useCallback(() => signOut(true), [signOut]);
  return (
    <>
      <h1>{m.title}</h1>
      {signedIn ? (
        <Orders onSignedOut={expire} onSignOut={() => signOut(false)} />
      ) : (
        <>
          <p>{m.intro}</p>
          {expired && <p role="alert">{m.signedOut}</p>}
          <SignIn onSignedIn={() => setSignedIn(true)} />
        </>
      )}
    </>
  );
}

const sid = (field: string) => fieldId('family-sign-in', field);

/** A numeric input (phone, one-time code) tied to its field's label, hint and error. */
const digits = (
  aria: FieldAria,
  attributes: { type?: 'tel'; autoComplete: string; maxLength: number },
  value: string,
  onChange: (value: string) => void,
) => (
  <input
    {...aria}
    {...attributes}
    inputMode="numeric"
    value={value}
    onChange={(e) => onChange(e.target.value)}
  />
);

/** The reason a family gives (a dispute, a refund request), tied to its field. */
function ReasonField(props: {
  id: string;
  label: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(aria) => (
        <textarea
          {...aria}
          rows={3}
          maxLength={1000}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A form's send button (busy while sending) and its cancel button. */
function SendOrCancel(props: { busy: boolean; send: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" disabled={props.busy} aria-busy={props.busy}>
        {props.busy ? t.family.busy : props.send}
      </button>
      <button type="button" className="secondary" onClick={props.onCancel}>
        {t.family.cancel}
      </button>
    </div>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const m = t.family;
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const show = (found: Errors) => {
    setErrors(found);
    focusFirstError(form.current);
  };

  const refused = (error: unknown, field: 'phone' | 'code', denied: string) =>
    error instanceof Refused
      ? fromIssues(error.issues, ['phone', 'code'], m)
      : error instanceof AccessDenied
        ? { [field]: denied }
        : { form: m.errors.retry };

  const askCode = async () => {
    if (busy) return;
    if (!PHONE.test(phone.trim())) return show({ phone: m.errors.phone });
    setBusy(true);
    try {
      const { expiresInSeconds } = await sendSignInCode(phone.trim());
      setErrors({});
      setSent(Math.round(expiresInSeconds / 60));
      requestAnimationFrame(() => document.getElementById(sid('code'))?.focus());
    } catch (error) {
      show(refused(error, 'phone', m.errors.tooManyCodes));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (sent === null) return askCode();
    const found: Errors = {};
    if (!PHONE.test(phone.trim())) found.phone = m.errors.phone;
    if (!CODE.test(code.trim())) found.code = m.errors.code;
    if (Object.keys(found).length) return show(found);
    setBusy(true);
    try {
      await signInFamily(phone.trim(), code.trim());
      onSignedIn();
    } catch (error) {
      show(refused(error, 'code', m.errors.wrongCode));
      setBusy(false);
    }
  };

  const labels: Record<string, string> = { phone: m.phone, code: m.code };
  const summary = ['phone', 'code', 'form']
    .filter((f) => errors[f])
    .map((f): [string, string] =>
      f === 'form' ? [sid('submit'), errors.form!] : [sid(f), `${labels[f]}：${errors[f]}`],
    );

  return (
    <form ref={form} className="complaint family-sign-in" onSubmit={submit} noValidate>
      <ErrorSummary title={m.errorSummary} errors={summary} />
      <Field id={sid('phone')} label={m.phone} hint={m.phoneHint} error={errors.phone}>
        {(aria) =>
          digits(aria, { type: 'tel', autoComplete: 'tel-national', maxLength: 11 }, phone, setPhone)
        }
      </Field>
      {sent === null ? (
        <button id={sid('submit')} type="submit" disabled={busy} aria-busy={busy}>
          {busy ? m.sendingCode : m.sendCode}
        </button>
      ) : (
        <>
          <p role="status" className="hint">
            {m.codeSent(sent)}
          </p>
          <Field id={sid('code')} label={m.code} hint={m.codeHint} error={errors.code}>
            {(aria) => digits(aria, { autoComplete: 'one-time-code', maxLength: 6 }, code, setCode)}
          </Field>
          <div className="actions">
            <button id={sid('submit')} type="submit" disabled={busy} aria-busy={busy}>
              {busy ? m.signingIn : m.signIn}
            </button>
            <button type="button" className="secondary" onClick={askCode} disabled={busy}>
              {m.sendCode}
            </button>
          </div>
        </>
      )}
      <FieldError id={sid('submit')} error={errors.form} />
    </form>
  );
}

function Orders({ onSignedOut, onSignOut }: { onSignedOut: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  const m = t.family;
  const [orders, setOrders] = useState<FamilyOrder[] | null>(null);
  const [failed, setFailed] = useState(false);
  // What the last action did, read out by screen readers.
  const [news, setNews] = useState('');

  const load = useCallback(
    () =>
      familyOrders().then(
        (o) => {
          setOrders(o);
          setFailed(false);
        },
        (error) => (error instanceof SignedOut ? onSignedOut() : setFailed(true)),
      ),
    [onSignedOut],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const done = async (message: string) => {
    setNews(message);
    await load();
  };

  return (
    <>
      <p className="family-bar">
        <button type="button" className="secondary" onClick={onSignOut}>
          {m.signOut}
        </button>
      </p>
      <p role="status" className="family-news">
        {news}
      </p>
      {failed && <p role="alert">{t.error}</p>}
      {orders === null && !failed && <p>{t.loading}</p>}
      {orders && (
        <>
          <p className="count">{orders.length ? m.orders(orders.length) : m.none}</p>
          <ul className="orders">
            {orders.map((o) => (
              <li key={o.id}>
                <OrderCard order={o} onDone={done} onSignedOut={onSignedOut} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

type Done = (message: string) => Promise<void>;
/** What an action on an order reports: its outcome (read out, then the orders reload), or an expired sign-in. */
type Outcome = { onDone: Done; onSignedOut: () => void };

function OrderCard({ order: o, onDone, onSignedOut }: { order: FamilyOrder } & Outcome) {
  const { t, locale } = useI18n();
  const m = t.family;
  const taught = o.lessons.filter((l) => l.status !== 'disputed').reduce((n, l) => n + l.hours, 0);
  const total = o.hours === null ? null : o.hours + o.giftHours;
  const openRefund = o.refunds.some((r) => r.status === 'awaiting-institution' || r.status === 'agreed');
  const headingId = `order-${o.id}`;
  return (
    <article className="order" aria-labelledby={headingId}>
      <h2 id={headingId}>{o.institutionName ?? o.institutionId}</h2>
      <dl className="facts">
        <dt>{m.course}</dt>
        <dd>
          {o.subject}
          {o.months !== null && `（${m.months(o.months)}）`}
        </dd>
        <dt>{m.student}</dt>
        <dd>{o.studentName}</dd>
        <dt>{m.amountPaid}</dt>
        <dd>{yuan(o.amountFen, locale)}</dd>
        <dt>{m.hoursTaught}</dt>
        <dd>{m.hours(taught, total)}</dd>
        <dt>{m.escrowLeft}</dt>
        <dd>{yuan(o.escrowFen, locale)}</dd>
        <dt>{m.startsOn}</dt>
        <dd>{o.courseStartsOn}</dd>
        <dt>{m.orderStatus}</dt>
        <dd>{m.orderStatuses[o.status]}</dd>
      </dl>

      <h3>{m.lessons}</h3>
      {o.lessons.length === 0 ? (
        <p className="hint">{m.noLessons}</p>
      ) : (
        <ul className="lessons">
          {o.lessons.map((l) => (
            <LessonItem key={l.id} lesson={l} onDone={onDone} onSignedOut={onSignedOut} />
          ))}
        </ul>
      )}

      {(o.refunds.length > 0 || (o.status === 'paid' && !openRefund)) && <h3>{m.refunds}</h3>}
      {o.refunds.length > 0 && (
        <ul className="refunds">
          {o.refunds.map((r) => (
            <li key={r.id}>
              <dl className="facts">
                <dt>{m.requestedOn}</dt>
                <dd>{r.requestedOn}</dd>
                <dt>{m.orderStatus}</dt>
                <dd>
                  {m.refundStatuses[r.status]}
                  {r.deemed && `（${m.deemed}）`}
                </dd>
                {r.status === 'awaiting-institution' && (
                  <>
                    <dt>{m.answerBy}</dt>
                    <dd>{r.answerBy}</dd>
                  </>
                )}
                <dt>{m.refundAmount}</dt>
                <dd>{r.amountFen === null ? m.refundPending : yuan(r.amountFen, locale)}</dd>
                {r.paidOn && (
                  <>
                    <dt>{m.paidOn}</dt>
                    <dd>{r.paidOn}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {o.status === 'paid' && !openRefund && (
        <RefundForm orderId={o.id} onDone={onDone} onSignedOut={onSignedOut} />
      )}
      {(o.status === 'paid' || o.status === 'refunded') && (
        <RatingControl order={o} onDone={onDone} onSignedOut={onSignedOut} />
      )}
    </article>
  );
}

/** Runs an action, mapping a refusal to field errors (with the rule's source) and an expired sign-in to sign-in. */
function useAction(fields: string[], onSignedOut: () => void) {
  const { t } = useI18n();
  const m = t.family;
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, container: HTMLElement | null) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      setErrors({});
    } catch (error) {
      if (error instanceof SignedOut) return onSignedOut();
      setErrors(error instanceof Refused ? fromIssues(error.issues, fields, m) : { form: m.errors.retry });
      focusFirstError(container);
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}

function LessonItem({ lesson: l, onDone, onSignedOut }: { lesson: FamilyLesson } & Outcome) {
  const { t, locale } = useI18n();
  const m = t.family;
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const item = useRef<HTMLLIElement>(null);
  const { errors, setErrors, busy, run } = useAction(['reason'], onSignedOut);
  const id = (field: string) => fieldId(`lesson-${l.id}`, field);
  const label = m.lesson(l.date, l.start, l.durationMinutes, l.hours);

  const confirm = () =>
    run(async () => {
      const { releasedFen } = await confirmLesson(l.id);
      await onDone(m.confirmed(yuan(releasedFen, locale)));
    }, item.current);
  const dispute = (e: FormEvent) => {
    e.preventDefault();
    if (!reasonOk(reason)) {
      setErrors({ reason: m.errors.reason });
      return focusFirstError(item.current);
    }
    return run(async () => {
      await disputeLesson(l.id, reason.trim());
      await onDone(m.disputed);
    }, item.current);
  };

  return (
    <li ref={item} className={`lesson ${l.status}`}>
      <p className="lesson-line">
        <span>{label}</span> <strong className="lesson-status">{m.lessonStatuses[l.status]}</strong>
      </p>
      {l.status === 'disputed' && l.disputeReason && <p className="hint">{l.disputeReason}</p>}
      {l.status === 'pending' && (
        <>
          <p className="hint">{m.confirmBy(l.confirmBy)}</p>
          <FieldError id={id('form')} error={errors.form} />
          {disputing ? (
            <form className="dispute" onSubmit={dispute} noValidate>
              <ReasonField
                id={id('reason')}
                label={m.disputeReason}
                error={errors.reason}
                value={reason}
                onChange={setReason}
              />
              <SendOrCancel busy={busy} send={m.sendDispute} onCancel={() => setDisputing(false)} />
            </form>
          ) : (
            <div className="actions">
              <button
                type="button"
                onClick={confirm}
                disabled={busy}
                aria-busy={busy}
                aria-label={`${m.confirm}：${label}`}
              >
                {busy ? m.busy : m.confirm}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setDisputing(true);
                  requestAnimationFrame(() => document.getElementById(id('reason'))?.focus());
                }}
                aria-label={`${m.dispute}：${label}`}
              >
                {m.dispute}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

function RefundForm({ orderId, onDone, onSignedOut }: { orderId: string } & Outcome) {
  const { t } = useI18n();
  const m = t.family;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, busy, run } = useAction(['reason'], onSignedOut);
  const id = (field: string) => fieldId(`refund-${orderId}`, field);

  if (!open)
    return (
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => document.getElementById(id('reason'))?.focus());
        }}
      >
        {m.askRefund}
      </button>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reasonOk(reason)) {
      setErrors({ reason: m.errors.reason });
      return focusFirstError(form.current);
    }
    return run(async () => {
      const { answerBy } = await requestRefund(orderId, reason.trim());
      await onDone(m.refundRequested(answerBy));
    }, form.current);
  };

  return (
    <form ref={form} className="refund" onSubmit={submit} noValidate aria-describedby={id('note')}>
      <p id={id('note')} className="privacy">
        {m.refundAmountNote}
      </p>
      <ReasonField
        id={id('reason')}
        label={m.refundReason}
        error={errors.reason}
        value={reason}
        onChange={setReason}
      />
      <FieldError id={id('form')} error={errors.form} />
      <SendOrCancel busy={busy} send={m.sendRefund} onCancel={() => setOpen(false)} />
    </form>
  );
}

const STARS = ['1', '2', '3', '4', '5'] as const;

/** The family rates the institution for this order (one rating per order; rating again replaces it). */
function RatingControl({ order: o, onDone, onSignedOut }: { order: FamilyOrder } & Outcome) {
  const { t } = useI18n();
  const m = t.family;
  const current = o.rating?.stars;
  const [stars, setStars] = useState<(typeof STARS)[number] | ''>(
    () => STARS.find((n) => n === String(current)) ?? '',
  );
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, busy, run } = useAction(['stars'], onSignedOut);
  const id = (field: string) => fieldId(`rating-${o.id}`, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!stars) {
      setErrors({ stars: m.chooseStars });
      return focusFirstError(form.current);
    }
    return run(async () => {
      await rateOrder(o.id, Number(stars));
      await onDone(m.ratedNews(Number(stars)));
    }, form.current);
  };

  return (
    <form ref={form} className="order-rating" onSubmit={submit} noValidate>
      <Choice
        id={id('stars')}
        name={id('stars')}
        legend={m.rateTitle}
        value={stars}
        options={STARS.map((n) => [n, m.stars(Number(n))])}
        onChange={setStars}
        note={current ? m.rated(current) : m.starsHint}
        error={errors.stars}
      />
      <FieldError id={id('form')} error={errors.form} />
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? m.busy : m.rate}
      </button>
    </form>
  );
}
