import { Envelope, LicenseIssued } from '@otr/contracts';
import { foldEntry, InstitutionEntry, RegistrationFact } from '../../domain/institution-entry';
import { LicenseHolder, licenseNumberClash } from '../../domain/license-register';
import { normalise, pinyinInitials, searchTerms } from '../../domain/search-text';
import { DirectoryTx } from '../directory-prisma';

const toRow = (id: string, e: InstitutionEntry) => {
  return {
    id,
    name: e.name,
    search_name: normalise(e.name),
    search_terms: searchTerms(e),
    pinyin_initials: pinyinInitials(e.name),
    legal_form: e.legalForm,
    legal_representative: e.legalRepresentative,
    category: e.category,
    scopes: e.scopes,
    district: e.district,
    address: e.address,
    lat: e.location?.lat ?? null,
    lng: e.location?.lng ?? null,
    license_number: e.licenseNumber,
    license_status: e.licenseStatus,
    valid_from: e.validFrom,
    valid_until: e.validUntil,
    closed_on: e.closedOn,
    last_event_at: e.lastEventAt,
  };
};

/** The institution row's columns with their SQL types, for jsonb_to_recordset. */
const COLUMNS = `id text, name text, search_name text, search_terms text[], pinyin_initials text, legal_form text,
  legal_representative text, category text, scopes text[], district text, address text, lat float8, lng float8,
  license_number text, license_status text, valid_from date, valid_until date, closed_on date,
  last_event_at timestamptz`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(' ')[0]);

/**
 * License, change, status and closure facts: journalled, then each institution's entry is folded
 * again from every fact about it, so a late, repeated or replayed delivery gives the same entry.
 * Takes a batch (a bulk load) as well as the single event a consumer delivers: the same statements
 * either way, a constant number of them per call.
 */
export async function applyRegistrationFacts(events: Envelope[], tx: DirectoryTx): Promise<void> {
  const ids = [...new Set(events.map((e) => e.institutionId))].sort();
  // One writer per institution at a time (a rebuild may run beside the live consumer); sorted, so
  // two batches cannot deadlock.
  await tx.$queryRawUnsafe(
    `SELECT count(pg_advisory_xact_lock(hashtext(id)))::int AS n FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY id) AS sorted`,
    ids,
  );
  await refuseLicenseNumberClash(events, tx);
  // Journal the new facts and read every fact of these institutions in one statement: the
  // statement's snapshot does not see its own inserts, so they join the result through RETURNING.
  const facts = await tx.$queryRawUnsafe<(RegistrationFact & { institutionId: string })[]>(
    `WITH added AS (
       INSERT INTO directory.institution_fact (event_id, institution_id, type, occurred_at, payload)
       SELECT f.event_id, f.institution_id, f.type, f.occurred_at, f.payload
       FROM jsonb_to_recordset($1::jsonb)
         AS f(event_id uuid, institution_id text, type text, occurred_at timestamptz, payload jsonb, ord int)
       ORDER BY f.ord
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id, institution_id, type, occurred_at, payload, seq)
     SELECT event_id AS id, institution_id AS "institutionId", type,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt", payload
     FROM (SELECT event_id, institution_id, type, occurred_at, payload, seq FROM directory.institution_fact
           WHERE institution_id = ANY($2::text[])
           UNION ALL SELECT * FROM added) AS f
     ORDER BY seq`,
    JSON.stringify(
      events.map((e, ord) => ({
        event_id: e.id,
        institution_id: e.institutionId,
        type: e.type,
        occurred_at: e.occurredAt,
        payload: e.payload,
        ord,
      })),
    ),
    ids,
  );
  const byInstitution = new Map<string, RegistrationFact[]>();
  for (const f of facts)
    byInstitution.set(f.institutionId, [...(byInstitution.get(f.institutionId) ?? []), f]);
  const rows = ids.flatMap((id) => {
    const entry = foldEntry(byInstitution.get(id) ?? []);
    return entry ? [toRow(id, entry)] : [];
  });
  if (!rows.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.institution (${NAMES.join(', ')})
     SELECT ${NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})
     ON CONFLICT (id) DO UPDATE SET ${NAMES.filter((n) => n !== 'id')
       .map((n) => `${n} = EXCLUDED.${n}`)
       .join(', ')}`,
    JSON.stringify(rows),
  );
}

/**
 * A license granted under a number another institution holds (active or suspended) is refused
 * before anything is written: a forged LicenseIssued reusing a real number was published as a
 * second licensed institution (issue #22). The refusal dead-letters the event for an operator.
 */
async function refuseLicenseNumberClash(events: Envelope[], tx: DirectoryTx): Promise<void> {
  const issued = events
    .filter((e) => e.type === LicenseIssued.type)
    .map((e) => ({
      institutionId: e.institutionId,
      licenseNumber: (e.payload as { licenseNumber: string }).licenseNumber,
    }));
  if (!issued.length) return;
  const holders = await tx.$queryRawUnsafe<LicenseHolder[]>(
    `SELECT id AS "institutionId", license_number AS "licenseNumber" FROM directory.institution
     WHERE license_number = ANY($1::text[]) AND license_status IN ('active', 'suspended')`,
    issued.map((i) => i.licenseNumber),
  );
  const clash = licenseNumberClash(holders, issued);
  if (clash) throw clash;
}

/** The consumer's handler: one delivered event. */
export const onRegistrationFact = (event: Envelope, tx: DirectoryTx) => applyRegistrationFacts([event], tx);
