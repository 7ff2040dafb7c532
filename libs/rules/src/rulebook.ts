import { ancestorsOf, isJurisdictionCode } from './jurisdiction';
import { RuleKey, RuleKeys, RuleValue } from './rule-keys';

/** One versioned, cited parameter: the value for a jurisdiction from a date on. */
export interface RuleEntry<K extends RuleKey = RuleKey> {
  key: K;
  jurisdiction: string;
  effectiveFrom: string;
  value: RuleValue<K>;
  /** Document, number and article the value rests on. */
  source: string;
  note?: string;
}

export class RuleNotFound extends Error {
  constructor(key: string, jurisdiction: string, on: string) {
    super(`no rule ${key} for ${jurisdiction} on ${on}`);
    this.name = 'RuleNotFound';
  }
}

export class InvalidRuleEntry extends Error {
  constructor(entry: { key: string; jurisdiction: string }, reason: string) {
    super(`invalid rule ${entry.key} for ${entry.jurisdiction}: ${reason}`);
    this.name = 'InvalidRuleEntry';
  }
}

export interface RuleQuery {
  jurisdiction: string;
  /** The date the rule must be in force on (Beijing date of an instant). */
  on: Date | string;
}

const dateOf = (on: Date | string) =>
  typeof on === 'string' ? on : new Date(on.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The jurisdiction rulebook. For a key, a jurisdiction and a date: among the entries in force
 * (effectiveFrom ≤ date) for that jurisdiction or one above it, the most specific jurisdiction
 * wins, then the latest effective date. Services ask it, never a constant.
 */
export class Rulebook {
  private readonly byKey = new Map<string, RuleEntry[]>();

  constructor(entries: RuleEntry[]) {
    for (const e of entries) {
      const schema = RuleKeys[e.key];
      if (!schema) throw new InvalidRuleEntry(e, 'unknown key');
      if (!isJurisdictionCode(e.jurisdiction)) throw new InvalidRuleEntry(e, 'bad jurisdiction code');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.effectiveFrom)) throw new InvalidRuleEntry(e, 'effectiveFrom must be YYYY-MM-DD');
      if (!e.source?.trim()) throw new InvalidRuleEntry(e, 'a source document is required');
      const parsed = schema.safeParse(e.value);
      if (!parsed.success) throw new InvalidRuleEntry(e, parsed.error.issues.map((i) => i.message).join('; '));
      this.byKey.set(e.key, [...(this.byKey.get(e.key) ?? []), e]);
    }
  }

  resolve<K extends RuleKey>(key: K, q: RuleQuery): { value: RuleValue<K>; entry: RuleEntry<K> } {
    const on = dateOf(q.on);
    const candidates = (this.byKey.get(key) ?? []).filter((e) => e.effectiveFrom <= on);
    for (const jurisdiction of ancestorsOf(q.jurisdiction)) {
      const here = candidates.filter((e) => e.jurisdiction === jurisdiction);
      if (here.length) {
        const entry = here.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a)) as RuleEntry<K>;
        return { value: entry.value, entry };
      }
    }
    throw new RuleNotFound(key, q.jurisdiction, on);
  }

  get<K extends RuleKey>(key: K, q: RuleQuery): RuleValue<K> {
    return this.resolve(key, q).value;
  }
}
