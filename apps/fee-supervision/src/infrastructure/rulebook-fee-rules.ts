import { chinaDate } from '@otr/kernel';
import { Rulebook, RuleNotFound } from '@otr/rules';
import { FEE_RULE_KEYS, FeeRules, FeeRulesNotInForce, LOCAL_FEE_RULES } from '../domain';
import { FeeRulesSource } from '../application/ports';

const local = new Set<string>(LOCAL_FEE_RULES);

/**
 * Resolves every fee-supervision parameter for a district and day from the jurisdiction rulebook;
 * a local one (LOCAL_FEE_RULES) nobody sets there is left out, any other gap is an error.
 */
export class RulebookFeeRules implements FeeRulesSource {
  private readonly cache = new Map<string, FeeRules>();

  constructor(private readonly rulebook: Rulebook) {}

  forDistrict(district: string, on: Date | string): FeeRules {
    const day = chinaDate(on);
    const id = `${district}@${day}`;
    let rules = this.cache.get(id);
    if (!rules) {
      const at = { jurisdiction: district, on: day };
      rules = Object.fromEntries(
        Object.entries(FEE_RULE_KEYS).flatMap(([field, key]) => {
          try {
            const r = this.rulebook.resolve(key, at);
            return [[field, { value: r.value, source: r.entry.source }]];
          } catch (error) {
            if (error instanceof RuleNotFound && local.has(field)) return [];
            // A day before any rule was in force (a lesson dated 1970): the act is refused, not a crash.
            if (error instanceof RuleNotFound)
              throw new FeeRulesNotInForce(`no ${key} in force in ${district} on ${day}`, {
                field: 'date',
                rule: 'an act is judged by the fee rules in force on its day',
              });
            throw error;
          }
        }),
      ) as unknown as FeeRules;
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(id, rules);
    }
    return rules;
  }
}
