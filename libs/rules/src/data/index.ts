import { hangzhou } from './hangzhou';
import { national } from './national';
import { zhejiang } from './zhejiang';

/**
 * Every bundled entry. A key lives at the national level when a national document sets it or
 * DOMAIN.md gives a default; purely local keys (license validity, venue size, reserve, prices)
 * live only where the demo jurisdictions set them, so asking elsewhere fails loudly.
 */
export const BUNDLED_RULES = [...national, ...zhejiang, ...hangzhou];
