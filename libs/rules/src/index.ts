import { BUNDLED_RULES } from './data';
import { Rulebook } from './rulebook';

export * from './jurisdiction';
export * from './demo-city';
export * from './rule-keys';
export * from './rulebook';

let bundled: Rulebook | undefined;

/** The rulebook with every bundled entry; a malformed entry fails here, at start, not at use. */
export function defaultRulebook(): Rulebook {
  return (bundled ??= new Rulebook(BUNDLED_RULES));
}
