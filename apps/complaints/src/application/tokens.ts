/** Injection tokens of the complaints service. */
export const CLOCK_TOKEN = 'otr.clock';
export const COMPLAINTS = Symbol('ComplaintRepository');
export const INSTITUTIONS = Symbol('InstitutionRegister');
export const COMPLAINT_RULES = Symbol('ComplaintRulesSource');
export const VAULT = Symbol('IdentityVault');
export const COMPLAINTS_PRISMA = Symbol('ComplaintsPrisma');
