export const DIRECTORY_PRISMA = Symbol('DirectoryPrisma');
/** The service's pg pool, for the public search's hot path (plain SQL without the ORM's per-call cost). */
export const DIRECTORY_POOL = Symbol('DirectoryPool');
