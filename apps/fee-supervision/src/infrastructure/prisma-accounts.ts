import { SqlClient } from '@otr/messaging';
import {
  NewCourse,
  NewSupervisedAccount,
  SupervisedAccount,
  SupervisedAccounts,
  Tx,
} from '../application/ports';
import { ReserveStanding } from '../domain';
import { FeesPrisma, prismaTx } from './fees-prisma';
import { accountRow } from './fees-rows';

export class PrismaSupervisedAccounts implements SupervisedAccounts {
  constructor(private readonly prisma: FeesPrisma) {}

  find(institutionId: string, db: SqlClient = this.prisma): Promise<SupervisedAccount | null> {
    return accountRow(db, institutionId);
  }

  byBankAccountNo(accountNo: string): Promise<SupervisedAccount | null> {
    return this.prisma.supervisedAccount.findUnique({ where: { bankAccountNo: accountNo } });
  }

  all(): Promise<SupervisedAccount[]> {
    return this.prisma.supervisedAccount.findMany();
  }

  allExcept(institutionIds: string[]): Promise<SupervisedAccount[]> {
    return this.prisma.supervisedAccount.findMany({
      where: { NOT: { institutionId: { in: institutionIds } } },
    });
  }

  byLicense(tx: Tx, licenseId: string): Promise<SupervisedAccount | null> {
    return prismaTx(tx).supervisedAccount.findUnique({ where: { licenseId } });
  }

  findWhere(
    tx: Tx,
    where: { licenseId: string } | { institutionId: string },
  ): Promise<SupervisedAccount | null> {
    return prismaTx(tx).supervisedAccount.findFirst({ where });
  }

  open(tx: Tx, account: NewSupervisedAccount): Promise<SupervisedAccount> {
    return prismaTx(tx).supervisedAccount.create({ data: account });
  }

  async reserveStanding(tx: Tx, institutionId: string): Promise<ReserveStanding | null> {
    const row = await prismaTx(tx).supervisedAccount.findUnique({
      where: { institutionId },
      select: { reserveStanding: true },
    });
    return (row?.reserveStanding as ReserveStanding | null | undefined) ?? null;
  }

  async setReserveStanding(tx: Tx, institutionId: string, standing: ReserveStanding): Promise<void> {
    await prismaTx(tx).supervisedAccount.update({
      where: { institutionId },
      data: { reserveStanding: standing },
    });
  }

  async update(
    tx: Tx,
    institutionId: string,
    change: Partial<Pick<SupervisedAccount, 'license' | 'enrollingStopped' | 'blacklisted'>>,
  ): Promise<void> {
    await prismaTx(tx).supervisedAccount.update({ where: { institutionId }, data: change });
  }

  async fileCourse(tx: Tx, course: NewCourse): Promise<void> {
    const { id, ...row } = course;
    await prismaTx(tx).course.upsert({ where: { id }, create: { id, ...row }, update: row });
    await this.refreshCapacity(tx, course.institutionId);
  }

  async refreshCapacity(tx: Tx, institutionId: string): Promise<void> {
    const db = prismaTx(tx);
    const seats = await db.course.aggregate({ where: { institutionId }, _sum: { maxClassSize: true } });
    await db.supervisedAccount.updateMany({
      where: { institutionId },
      data: { capacitySeats: seats._sum.maxClassSize ?? 0 },
    });
  }
}
