import { AccountStore, AccountUpdate } from '../application/ports';
import { GatewayPrisma } from './gateway-prisma';
import { User } from './prisma/generated/client';

/** Accounts as administrators change them, returned as stored. */
export class PrismaAccounts implements AccountStore<User> {
  constructor(private readonly prisma: GatewayPrisma) {}

  find(id: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  async change(id: string, change: AccountUpdate, endSessionsAt: Date | null): Promise<User> {
    const { passwordHash, ...rest } = change;
    const update = this.prisma.user.update({
      where: { id },
      data: {
        ...rest,
        // A new password also clears the lock.
        ...(passwordHash ? { passwordHash, failedAttempts: 0, lockedUntil: null } : {}),
        ...(endSessionsAt ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (!endSessionsAt) return update;
    const [row] = await this.prisma.$transaction([
      update,
      this.prisma.refreshToken.updateMany({
        where: { userId: id, revokedAt: null },
        data: { revokedAt: endSessionsAt },
      }),
    ]);
    return row;
  }
}
