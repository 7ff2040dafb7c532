import { useEffect, useRef, useState } from 'react';
import { getInstitution, InstitutionPage as Page, NotFound } from '../api';
import { districtName } from '../districts';
import { Locale, Messages, useI18n, yuan } from '../i18n';
import { Link } from '../router';

/** How many complaints, how many closed and resolved, in words. */
function complaintLine(c: Page['complaints'], i: Messages['institution']) {
  if (c.total === 0) return i.noComplaints;
  return c.resolutionRate === null
    ? i.complaintsOpen(c.total)
    : i.complaintFigures(c.total, c.closed, c.resolved, c.resolutionRate);
}

/**
 * What families may rely on, from the ledger: under bank escrow their fees go to the supervised
 * account; under a risk reserve, whether it is paid (held against required), never a bare
 * "supervised" that an empty reserve would make untrue.
 */
function supervisionLine(f: Page['feeSupervision'], i: Messages['institution'], locale: Locale) {
  if (!f) return i.notSupervised;
  if (f.mode === 'bank-escrow') return i.escrowed;
  if (!f.reserve) return i.reserveUnknown;
  return i.reserve[f.reserve.standing](yuan(f.reserve.heldFen, locale), yuan(f.reserve.requiredFen, locale));
}

/**
 * One institution's public page (资质信息奖惩全面公开): license, courses and fees, staff, fee
 * supervision, annual inspection, penalties, complaints and families' ratings.
 */
export function InstitutionPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState<Page | null>(null);
  const [failure, setFailure] = useState<'not-found' | 'error' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setPage(null);
    setFailure(null);
    getInstitution(id, abort.signal).then(setPage, (e) => {
      if (e.name !== 'AbortError') setFailure(e instanceof NotFound ? 'not-found' : 'error');
    });
    return () => abort.abort();
  }, [id]);
  // Screen readers land on the institution's name once it is there.
  useEffect(() => heading.current?.focus(), [page]);

  const back = (
    <p>
      <Link href="/">{t.back}</Link>
    </p>
  );
  if (failure)
    return (
      <>
        {back}
        <p role="alert">{failure === 'not-found' ? t.notFound : t.error}</p>
      </>
    );
  if (!page) return <p aria-busy="true">{t.loading}</p>;
  const i = t.institution;
  const l = page.license;
  return (
    <article className="institution">
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {page.name}
      </h1>
      <p className="tags">
        <span className={`status ${l.status}`}>{t.statuses[l.status] ?? l.status}</span>
        <span>{t.categories[page.category] ?? page.category}</span>
        <span>{page.scopes.map((s) => t.scopes[s]).join(' / ')}</span>
        <span>{districtName(page.district, locale)}</span>
      </p>
      <p className="rating-line" data-testid="rating">
        {t.rating(page.rating.average, page.rating.count)}
      </p>
      <p>
        <Link className="button" href={`/complaints/new?institution=${encodeURIComponent(page.id)}`}>
          {t.complaints.report}
        </Link>
      </p>
      {page.blacklist.length > 0 && (
        <p className="warning" role="note">
          {i.blacklisted}
        </p>
      )}

      <section aria-labelledby="license-heading">
        <h2 id="license-heading">{i.licenseSection}</h2>
        <dl className="facts">
          <dt>{i.licenseNumber}</dt>
          <dd data-testid="license-number">{l.number}</dd>
          <dt>{t.status}</dt>
          <dd>{t.statuses[l.status] ?? l.status}</dd>
          <dt>{t.scope}</dt>
          <dd>{page.scopes.map((s) => t.scopes[s]).join(' / ')}</dd>
          <dt>{i.validity}</dt>
          <dd>
            {l.validFrom} – {l.validUntil}
          </dd>
          {l.closedOn && (
            <>
              <dt>{i.closedOn}</dt>
              <dd>{l.closedOn}</dd>
            </>
          )}
          {page.legalForm && (
            <>
              <dt>{i.legalForm}</dt>
              <dd>{t.legalForms[page.legalForm]}</dd>
            </>
          )}
          {page.legalRepresentative && (
            <>
              <dt>{i.legalRepresentative}</dt>
              <dd>{page.legalRepresentative}</dd>
            </>
          )}
          <dt>{i.address}</dt>
          <dd>{page.address}</dd>
        </dl>
      </section>

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{i.courses}</h2>
        {page.courses.length === 0 ? (
          <p>{i.noCourses}</p>
        ) : (
          <ul className="cards" data-testid="courses">
            {page.courses.map((c) => (
              <li key={c.id}>
                <h3>{c.name}</h3>
                <dl className="facts">
                  <dt>{i.subject}</dt>
                  <dd>
                    {c.subject} · {t.scopes[c.mode]}
                  </dd>
                  <dt>{i.grades}</dt>
                  <dd>{c.gradeLevels.join('、')}</dd>
                  <dt>{i.price}</dt>
                  <dd className="price">
                    {yuan(c.priceFen, locale)}{' '}
                    <small>({i.perHour(yuan(Math.round(c.priceFen / c.totalHours), locale))})</small>
                  </dd>
                </dl>
                <p>{i.lessons(c.totalHours, c.lessonMinutes, c.maxClassSize)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{i.staff}</h2>
        <p>{i.teachers(page.staff.teachers, page.staff.certifiedTeachers)}</p>
        {page.staff.members.length > 0 && (
          <ul className="staff" data-testid="staff">
            {page.staff.members.map((m, k) => (
              <li key={k}>
                <strong>{m.name}</strong> · {m.role === 'teacher' ? m.subject : i.otherRole}
                {m.role === 'teacher' &&
                  ` · ${m.certified ? (i.certificateKinds[m.certificateKind ?? ''] ?? i.staffQualified) : i.staffUnqualified}`}
              </li>
            ))}
          </ul>
        )}
        {page.staff.otherStaff > 0 && <p>{i.otherStaff(page.staff.otherStaff)}</p>}
      </section>

      <section aria-labelledby="supervision-heading">
        <h2 id="supervision-heading">{i.supervision}</h2>
        <p data-testid="fee-supervision">{supervisionLine(page.feeSupervision, i, locale)}</p>
      </section>

      <section aria-labelledby="grades-heading">
        <h2 id="grades-heading">{i.annualGrades}</h2>
        {page.annualGrades.length === 0 ? (
          <p>{i.noGrades}</p>
        ) : (
          <ul>
            {page.annualGrades.map((g, k) => (
              <li key={k}>{i.gradeLine(g.year, i.inspectionGrades[g.grade], g.total)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="penalties-heading">
        <h2 id="penalties-heading">{i.penalties}</h2>
        {page.penalties.length === 0 ? (
          <p>{i.noPenalties}</p>
        ) : (
          <ul className="cards">
            {page.penalties.map((p) => (
              <li key={p.decisionNumber}>
                <h3>{t.penaltyTypes[p.penaltyType] ?? p.penaltyType}</h3>
                <p>{p.reasons}</p>
                <dl className="facts">
                  <dt>{i.decision}</dt>
                  <dd>{p.decisionNumber}</dd>
                  <dt>{i.decidedOn}</dt>
                  <dd>{p.decidedOn}</dd>
                  <dt>{i.publishedUntil}</dt>
                  <dd title={p.publication.source}>{p.publication.until}</dd>
                  <dt>{i.legalBasis}</dt>
                  <dd>{p.legalBasis}</dd>
                  {p.fineFen !== null && (
                    <>
                      <dt>{i.fine}</dt>
                      <dd>{yuan(p.fineFen, locale)}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">{i.complaints}</h2>
        <p>{complaintLine(page.complaints, i)}</p>
      </section>

      <p className="updated">
        {i.updatedAt} {new Date(page.updatedAt).toLocaleString(locale)}
      </p>
    </article>
  );
}
