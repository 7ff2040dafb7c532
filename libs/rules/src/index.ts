import { national } from './data/national';
import { zhejiang } from './data/zhejiang';
import { Rulebook } from './rulebook';

export * from './jurisdiction';
export * from './rule-keys';
export * from './rulebook';

let bundled: Rulebook | undefined;

/** The rulebook with every bundled entry; a malformed entry fails at start, not at use. */
export function defaultRulebook(): Rulebook {
  return (bundled ??= new Rulebook([...national, ...zhejiang]));
}
