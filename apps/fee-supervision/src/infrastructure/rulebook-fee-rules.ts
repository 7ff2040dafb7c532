import { chinaDate } from '@otr/kernel';
import { Rulebook } from '@otr/rules';
import { FEE_RULE_KEYS, FeeRules } from '../domain';
import { FeeRulesSource } from '../application/ports';

/** Resolves every fee-supervision parameter for a district and day from the jurisdiction rulebook. */
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
        Object.entries(FEE_RULE_KEYS).map(([field, key]) => {
          const r = this.rulebook.resolve(key, at);
          return [field, { value: r.value, source: r.entry.source }];
        }),
      ) as unknown as FeeRules;
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(id, rules);
    }
    return rules;
  }
}
