/** Injection tokens of the complaints service. */
export const CLOCK_TOKEN = 'otr.clock';
export const COMPLAINTS = Symbol('ComplaintRepository');
export const INSTITUTIONS = Symbol('InstitutionRegister');
export const COMPLAINT_RULES = Symbol('ComplaintRulesSource');
export const VAULT = Symbol('IdentityVault');
export const COMPLAINTS_PRISMA = Symbol('ComplaintsPrisma');
/** Evidence files (libs/storage), under the complaints' evidence policy. */
export const EVIDENCE = Symbol('EvidenceStore');
/** The hotline systems allowed to file work orders through the GeoReport API, by API key. */
export const HOTLINE_SYSTEMS = Symbol('HotlineSystems');
/** The service's logger (pino), for what is not answered to a caller. */
export const LOG = Symbol('Log');
/** The per-client quota on what the public may upload (libs/storage UploadQuota). */
export const UPLOAD_QUOTA = Symbol('UploadQuota');
