/**
 * Money in the fee-supervision API is integer fen (分); the console shows yuan with two decimals.
 * Integer arithmetic only, so no amount is ever rounded by floating point. Pure module: jest loads it.
 */

/** 123456 → "1,234.56"; -5 → "-0.05"; anything but a safe integer → "". */
export function formatYuan(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** "¥1,234.56" / "-¥0.01": the figure with its currency sign, as tables and cards show it. */
export const yuan = (fen: number | null | undefined): string => {
  const text = formatYuan(fen);
  if (!text) return '';
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
};

/** A fen amount as a plain yuan number, for a chart axis only (display, never arithmetic). */
export const fenToYuanNumber = (fen: number): number => fen / 100;
