import { useI18n } from '../i18n';

/** Previous and next page buttons around "page p of n" (or "page p" when n is not known). */
export function Pager(props: {
  page: number;
  pages?: number;
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  if (!props.hasPrev && !props.hasNext) return null;
  return (
    <nav className="pager" aria-label={t.pagination}>
      <button type="button" disabled={!props.hasPrev} onClick={props.onPrev}>
        {t.prev}
      </button>
      <span>{props.pages ? t.page(props.page, props.pages) : t.pageOnly(props.page)}</span>
      <button type="button" disabled={!props.hasNext} onClick={props.onNext}>
        {t.next}
      </button>
    </nav>
  );
}
