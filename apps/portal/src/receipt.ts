import type { ComplaintReceipt } from './api';

/**
 * The receipt between filing and its page, in memory only: the access code is shown once and is
 * never written to storage, history state or the address bar.
 */
let held: ComplaintReceipt | null = null;

export const holdReceipt = (r: ComplaintReceipt) => {
  held = r;
};
export const heldReceipt = () => held;
export const forgetReceipt = () => {
  held = null;
};
