import { GatewayPrisma } from './gateway-prisma';

/**
 * Counts one wrong password in a single UPDATE … RETURNING, so wrong passwords sent at once each
 * count (a read-then-write kept one of five). A lock that has run out starts the count again, as
 * countBefore in domain/lockout.ts says. Returns the failures in a row including this one.
 */
export async function countFailedAttempt(prisma: GatewayPrisma, userId: string, now: Date): Promise<number> {
  const [row] = await prisma.$queryRaw<{ failedAttempts: number }[]>`
    UPDATE gateway."user"
       SET failed_attempts = CASE WHEN locked_until <= ${now} THEN 0 ELSE failed_attempts END + 1,
           locked_until = CASE WHEN locked_until <= ${now} THEN NULL ELSE locked_until END
     WHERE id = ${userId}::uuid
     RETURNING failed_attempts AS "failedAttempts"`;
  return row?.failedAttempts ?? 0;
}
