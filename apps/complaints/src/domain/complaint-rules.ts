import type { RuleKey, Rulebook } from '@otr/rules';

/** A rulebook value with the document it rests on, so a deadline or a flag can cite it. */
export interface Cited<T> {
  value: T;
  source: string;
}

/**
 * Every parameter the complaints domain needs, resolved from the rulebook for the complaint's
 * district and day by the infrastructure layer. …WorkingDays count on the working-day calendar,
 * …Days are calendar days (libs/rules/src/rule-keys.ts).
 */
export interface ComplaintRules {
  /** 签收: the routed department signs the work order within this many working days. */
  signWorkingDays: Cited<number>;
  /** 咨询类 answered within … */
  consultationWorkingDays: Cited<number>;
  /** 求助类 handled within … */
  helpWorkingDays: Cited<number>;
  /** 投诉类 handled within … */
  complaintWorkingDays: Cited<number>;
  /** Amber from this many working days before a deadline. */
  reminderWorkingDaysBefore: Cited<number>;
  /** This many complaints against one institution within withinDays calendar days flag it. */
  repeatFlag: Cited<{ count: number; withinDays: number }>;
  /** Calendar days in which a repeat of the same complaint is merged into the first. */
  duplicateWindowDays: Cited<number>;
}

/** Where the infrastructure layer reads each field in the rulebook. */
export const COMPLAINT_RULE_KEYS = {
  signWorkingDays: 'complaints.sla.signWorkingDays',
  consultationWorkingDays: 'complaints.sla.consultationWorkingDays',
  helpWorkingDays: 'complaints.sla.helpWorkingDays',
  complaintWorkingDays: 'complaints.sla.complaintWorkingDays',
  reminderWorkingDaysBefore: 'complaints.sla.reminderWorkingDaysBefore',
  repeatFlag: 'complaints.repeatFlag',
  duplicateWindowDays: 'complaints.duplicateWindowDays',
} as const satisfies Record<keyof ComplaintRules, RuleKey>;

/** The complaint rules in force for a jurisdiction on a day, each with the source it rests on. */
export function resolveComplaintRules(
  rulebook: Rulebook,
  jurisdiction: string,
  on: Date | string,
): ComplaintRules {
  const cite = <K extends keyof ComplaintRules>(field: K) => {
    const { value, entry } = rulebook.resolve(COMPLAINT_RULE_KEYS[field], { jurisdiction, on });
    return { value, source: entry.source } as ComplaintRules[K];
  };
  return {
    signWorkingDays: cite('signWorkingDays'),
    consultationWorkingDays: cite('consultationWorkingDays'),
    helpWorkingDays: cite('helpWorkingDays'),
    complaintWorkingDays: cite('complaintWorkingDays'),
    reminderWorkingDaysBefore: cite('reminderWorkingDaysBefore'),
    repeatFlag: cite('repeatFlag'),
    duplicateWindowDays: cite('duplicateWindowDays'),
  };
}
