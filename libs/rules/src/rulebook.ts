import { z } from 'zod';
import { chinaDate, isCalendarDate } from '@otr/kernel';
import { ancestorsOf, isJurisdictionCode } from './jurisdiction';
import { RULE_KEYS, RuleKey, RuleKeys, RuleValue } from './rule-keys';

/** One versioned, cited parameter: its value for a jurisdiction from a date on. */
export type RuleEntry<K extends RuleKey = RuleKey> = K extends RuleKey
  ? {
      key: K;
      jurisdiction: string;
      /** 'YYYY-MM-DD', the first day the value applies. */
      effectiveFrom: string;
      value: RuleValue<K>;
      /** Document name, number and article the value rests on. */
      source: string;
      note?: string;
    }
  : never;

export interface ResolvedRule<K extends RuleKey> {
  value: RuleValue<K>;
  /** The entry that won, so a refusal can cite its source. */
  entry: RuleEntry<K>;
}

export interface RuleQuery {
  jurisdiction: string;
  /** The day the rule must be in force: a 'YYYY-MM-DD' date or an instant (read in Beijing time). */
  on: Date | string;
}

/** Asked for a parameter nobody has set for that place and day: a gap in the data, not bad input. */
export class RuleNotFound extends Error {
  readonly code = 'rules.RuleNotFound';

  constructor(
    readonly key: string,
    readonly jurisdiction: string,
    readonly on: string,
  ) {
    super(`no rule ${key} in force for ${jurisdiction} on ${on}`);
    this.name = 'RuleNotFound';
  }
}

/** A bundled or supplied entry that does not fit its key's schema: raised at load, so start-up fails. */
export class InvalidRuleEntry extends Error {
  readonly code = 'rules.InvalidRuleEntry';

  constructor(entry: unknown, reason: string) {
    const e = (entry ?? {}) as { key?: unknown; jurisdiction?: unknown };
    super(`invalid rule ${String(e.key)} for ${String(e.jurisdiction)}: ${reason}`);
    this.name = 'InvalidRuleEntry';
  }
}

const entryShape = z.object({
  key: z.enum(RULE_KEYS as [RuleKey, ...RuleKey[]]),
  jurisdiction: z.string().refine(isJurisdictionCode, 'not a jurisdiction code'),
  effectiveFrom: z.string().refine(isCalendarDate, 'effectiveFrom must be a YYYY-MM-DD date'),
  value: z.unknown(),
  source: z.string().trim().min(1, 'a source document is required'),
  note: z.string().optional(),
});

const explain = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

function validated(candidate: unknown): RuleEntry {
  const shape = entryShape.safeParse(candidate);
  if (!shape.success) throw new InvalidRuleEntry(candidate, explain(shape.error));
  const value = RuleKeys[shape.data.key].safeParse(shape.data.value);
  if (!value.success) throw new InvalidRuleEntry(candidate, `value ${explain(value.error)}`);
  return candidate as RuleEntry;
}

/**
 * The jurisdiction rulebook. For a key, a jurisdiction and a day: among the entries in force
 * (effectiveFrom ≤ day) for that jurisdiction or one above it, the most specific jurisdiction
 * wins, then the latest effectiveFrom. Services ask it, never a constant.
 */
export class Rulebook {
  private readonly byKey = new Map<RuleKey, RuleEntry[]>();

  constructor(entries: readonly RuleEntry[]) {
    const seen = new Set<string>();
    for (const candidate of entries) {
      const entry = validated(candidate);
      const id = `${entry.key}@${entry.jurisdiction}@${entry.effectiveFrom}`;
      if (seen.has(id)) throw new InvalidRuleEntry(entry, `two entries effective ${entry.effectiveFrom}`);
      seen.add(id);
      this.byKey.set(entry.key, [...(this.byKey.get(entry.key) ?? []), entry]);
    }
  }

  resolve<K extends RuleKey>(key: K, query: RuleQuery): ResolvedRule<K> {
    const on = chinaDate(query.on);
    const inForce = (this.byKey.get(key) ?? []).filter((e) => e.effectiveFrom <= on);
    for (const jurisdiction of ancestorsOf(query.jurisdiction)) {
      const here = inForce.filter((e) => e.jurisdiction === jurisdiction);
      if (here.length) {
        const entry = here.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a)) as RuleEntry<K>;
        return { value: entry.value as RuleValue<K>, entry };
      }
    }
    throw new RuleNotFound(key, query.jurisdiction, on);
  }

  get<K extends RuleKey>(key: K, query: RuleQuery): RuleValue<K> {
    return this.resolve(key, query).value;
  }
}
