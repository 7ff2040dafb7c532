export const DIRECTORY_PRISMA = Symbol('DirectoryPrisma');
