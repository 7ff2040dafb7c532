import { Criteria, InstitutionResults, useInstitutionSearch } from '../components/InstitutionResults';
import { useI18n } from '../i18n';
import { Downloads } from './BlacklistPage';

const REVOKED: Criteria = { q: '', district: '', category: '', scope: '', status: 'revoked' };

/** Institutions whose license was revoked (吊销), so families do not enrol or pay. */
export function RevokedPage() {
  const { t } = useI18n();
  const search = useInstitutionSearch(REVOKED);
  return (
    <>
      <h1>{t.revoked.title}</h1>
      <p>{t.revoked.intro}</p>
      <Downloads list="revoked" />
      <InstitutionResults label={t.revoked.title} search={search} />
    </>
  );
}
