import { LicensingRuleViolated } from './errors';

/** Another institution holding a name: licensed (active or suspended) or applying (submitted, returned). */
export interface NameInUse {
  institutionId: string;
  name: string;
}

/** Names compare without case and blanks: 'ABC 美术' and 'abc美术' are one name on the white list. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * One name, one institution (名称不得与其他机构重复): parents find an institution on the white
 * list by its name, so a second institution may not take it.
 */
export function assertNameFree(name: string, inUse: readonly NameInUse[] = [], self?: string): void {
  const taken = inUse.find((n) => n.institutionId !== self && nameKey(n.name) === nameKey(name));
  if (taken)
    throw new LicensingRuleViolated(`another institution already holds the name ${name}`, {
      field: 'institutionName',
      rule: 'an institution name is unique among licensed and applying institutions',
      source: '《民办学校分类登记实施细则》；市场主体登记名称不得重复',
    });
}
