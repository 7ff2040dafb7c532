import cn2024 from './data/cn-2024.json';
import cn2025 from './data/cn-2025.json';
import cn2026 from './data/cn-2026.json';
import cn2027 from './data/cn-2027.json';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * Imported, not read from disk, so the data travels with the code wherever it is bundled.
 * A new year is a new data file plus a line here.
 */
const BUNDLED = [cn2024, cn2025, cn2026, cn2027];

let calendar: WorkingDayCalendar | undefined;

/** The mainland-China calendar with every bundled year (see each year's source and provisional flag). */
export function loadChinaCalendar(): WorkingDayCalendar {
  return (calendar ??= new WorkingDayCalendar(BUNDLED));
}
