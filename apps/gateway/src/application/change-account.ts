import { NotFoundException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { Clock } from '@otr/kernel';
import { AccountChange, endsSessions } from '../domain/account-change';
import { GatewayPrisma } from '../infrastructure/gateway-prisma';

export type AccountEdit = AccountChange & { displayName?: string };

/**
 * An administrator changes an account. A new password, disabling, or a change of role or scope
 * ends every session of the account in the same transaction (not when its access tokens expire).
 */
export async function changeAccount(prisma: GatewayPrisma, clock: Clock, id: string, edit: AccountEdit) {
  const before = await prisma.user.findUnique({ where: { id } });
  if (!before) throw new NotFoundException(`user ${id} not found`);
  const { password, ...rest } = edit;
  const ends = endsSessions(before, edit);
  const update = prisma.user.update({
    where: { id },
    data: {
      ...rest,
      ...(password
        ? { passwordHash: await bcrypt.hash(password, 10), failedAttempts: 0, lockedUntil: null }
        : {}),
      ...(ends ? { sessionVersion: { increment: 1 } } : {}),
    },
  });
  if (!ends) return update;
  const [row] = await prisma.$transaction([
    update,
    prisma.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: clock.now() } }),
  ]);
  return row;
}
