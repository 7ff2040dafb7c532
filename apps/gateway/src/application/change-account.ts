import { NotFoundException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { Clock } from '@otr/kernel';
import { AccountChange, endsSessions } from '../domain/account-change';
import { Account, AccountStore } from './ports';

export type AccountEdit = AccountChange & { displayName?: string };

/**
 * An administrator changes an account. A new password, disabling, or a change of role or scope
 * ends every session of the account in the same transaction (not when its access tokens expire).
 */
export async function changeAccount<R extends Account>(
  accounts: AccountStore<R>,
  clock: Clock,
  id: string,
  edit: AccountEdit,
): Promise<R> {
  const before = await accounts.find(id);
  if (!before) throw new NotFoundException(`user ${id} not found`);
  const { password, ...rest } = edit;
  const ends = endsSessions(before, edit);
  return accounts.change(
    id,
    { ...rest, ...(password ? { passwordHash: await bcrypt.hash(password, 10) } : {}) },
    ends ? clock.now() : null,
  );
}
