import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

const names = new Map<string, string>();

/**
 * A statement to run prepared: pg parses it once per connection under a name of its text, and
 * PostgreSQL plans it from its cached plan afterwards instead of planning every call. For hot
 * statements whose text comes from a small set of shapes (the values go in as parameters).
 */
export function prepared(text: string, values: unknown[] = []): QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `otr_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
}
