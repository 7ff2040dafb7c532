import { useEffect, useRef, useState } from 'react';
import { InstitutionSummary, searchInstitutions } from '../api';
import type { ChosenInstitution } from '../complaint-form';
import { districtName } from '../districts';
import { useI18n } from '../i18n';
import { FieldAria, FieldError } from './Field';

/**
 * Finds a licensed institution by the directory search and lets the complainant pick it. No inner
 * <form> (forms do not nest): Enter in the search box searches instead of submitting the complaint.
 */
export function InstitutionPicker(props: {
  id: string;
  chosen: ChosenInstitution | null;
  onChoose: (i: ChosenInstitution | null) => void;
  error?: string;
}) {
  const { t, locale } = useI18n();
  const c = t.complaints;
  const { id, chosen, error } = props;
  const [q, setQ] = useState('');
  const [found, setFound] = useState<InstitutionSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Once picked, the list goes away: focus lands on what was picked, not on the page's start.
  const picked = useRef(false);
  const chosenText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (chosen && picked.current) chosenText.current?.focus();
    picked.current = false;
  }, [chosen]);
  const aria: FieldAria = {
    id,
    'aria-describedby': error ? `${id}-error` : undefined,
    ...(error ? { 'aria-invalid': true as const } : {}),
  };

  const find = () => {
    if ([...q.trim()].length < 2) return;
    setFailed(false);
    searchInstitutions({ q: q.trim(), district: '', category: '', scope: '', status: '', page: 1 }).then(
      (r) => setFound(r.items),
      () => setFailed(true),
    );
  };

  if (chosen)
    return (
      <div className="picker">
        <p className="chosen" data-testid="chosen-institution" ref={chosenText} tabIndex={-1}>
          {c.chosen(chosen.name)}
          <small>
            {districtName(chosen.district, locale)}
            {chosen.licenseNumber && ` · ${t.license} ${chosen.licenseNumber}`}
          </small>
        </p>
        <button type="button" className="secondary" {...aria} onClick={() => props.onChoose(null)}>
          {c.change}
        </button>
        <FieldError id={id} error={error} />
      </div>
    );
  return (
    <div className="picker">
      <label htmlFor={id}>{c.findInstitution}</label>
      <div className="picker-search">
        <input
          type="search"
          {...aria}
          value={q}
          maxLength={40}
          enterKeyHint="search"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            find();
          }}
        />
        <button type="button" onClick={find}>
          {c.find}
        </button>
      </div>
      <FieldError id={id} error={error} />
      {failed && <p role="alert">{t.error}</p>}
      {found && (
        <div aria-live="polite">
          {found.length === 0 ? (
            <p>{c.noMatch}</p>
          ) : (
            <ul className="picker-results">
              {found.map((i) => (
                <li key={i.id}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      picked.current = true;
                      props.onChoose(i);
                    }}
                  >
                    {i.name}
                    <small>
                      {districtName(i.district, locale)}
                      {i.licenseNumber && ` · ${i.licenseNumber}`}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
