import { useTranslate } from 'react-admin';
import { factsOf } from './license-file';

/** The points of an action-log entry or a request, one per line: 机构名称：新名称. */
export function Facts({ data }: { data: unknown }) {
  const t = useTranslate();
  const facts = factsOf(data);
  if (!facts.length) return null;
  return (
    <span style={{ whiteSpace: 'normal' }}>
      {facts.map(({ key, value }) => (
        <span key={key} style={{ display: 'block' }}>
          {t(`otr.facts.${key}`, { _: key })}：
          {Array.isArray(value) ? value.map((v) => t(`otr.scopes.${v}`, { _: v })).join('、') : value}
        </span>
      ))}
    </span>
  );
}
