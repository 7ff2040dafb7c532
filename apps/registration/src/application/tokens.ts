/** Injection token for the clock (tests fix time through it). */
export const CLOCK_TOKEN = 'otr.clock';
