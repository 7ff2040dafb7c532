import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { forgetReceipt, heldReceipt } from '../receipt';
import { Link } from '../router';

/** The receipt (回执): tracking number and access code, shown this once. */
export function ComplaintReceiptPage() {
  const { t } = useI18n();
  const r = t.complaints.receipt;
  const [receipt] = useState(heldReceipt);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    return forgetReceipt;
  }, []);

  if (!receipt)
    return (
      <>
        <h1>{t.nav.track}</h1>
        <p>{r.gone}</p>
        <p>
          <Link href="/complaints/track">{r.track}</Link>
        </p>
      </>
    );
  // The clipboard API exists only in secure contexts; without it the complainant writes them down.
  const copy = () =>
    (
      navigator.clipboard?.writeText(r.copyText(receipt.trackingNumber, receipt.accessCode)) ??
      Promise.reject()
    ).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <article className="receipt">
      <h1 ref={heading} tabIndex={-1}>
        {r.title}
      </h1>
      {receipt.merged && <p>{r.merged}</p>}
      <dl className="codes">
        <dt>{r.trackingNumber}</dt>
        <dd data-testid="tracking-number">{receipt.trackingNumber}</dd>
        <dt>{r.accessCode}</dt>
        <dd data-testid="access-code">{receipt.accessCode}</dd>
      </dl>
      <p className="warning" role="note">
        {r.warning}
      </p>
      <p className="actions">
        <button type="button" onClick={copy}>
          {r.copy}
        </button>
        <span role="status">{copied && (copied === 'yes' ? r.copied : r.copyFailed)}</span>
      </p>
      <p>
        <Link href={`/complaints/track?number=${encodeURIComponent(receipt.trackingNumber)}`}>{r.track}</Link>
      </p>
    </article>
  );
}
