/** Injection token for the clock (tests fix time through it). */
export const CLOCK_TOKEN = 'otr.clock';
/** Injection token for the working-day calendar. */
export const CALENDAR_TOKEN = 'otr.calendar';
