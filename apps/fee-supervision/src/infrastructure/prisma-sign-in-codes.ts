import { SignInCode, SignInCodes } from '../application/ports';
import { FeesPrisma } from './fees-prisma';

export class PrismaSignInCodes implements SignInCodes {
  constructor(private readonly prisma: FeesPrisma) {}

  countSince(phone: string, since: Date): Promise<number> {
    return this.prisma.signInCode.count({ where: { phone, createdAt: { gte: since } } });
  }

  async retire(phone: string, now: Date): Promise<void> {
    await this.prisma.signInCode.updateMany({
      where: { phone, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
  }

  async add(code: Pick<SignInCode, 'id' | 'phone' | 'codeHash' | 'expiresAt' | 'createdAt'>): Promise<void> {
    await this.prisma.signInCode.create({ data: code });
  }

  latestValid(phone: string, now: Date): Promise<SignInCode | null> {
    return this.prisma.signInCode.findFirst({
      where: { phone, usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    });
  }

  async attempt(code: SignInCode, ok: boolean, now: Date): Promise<boolean> {
    const claimed = await this.prisma.signInCode.updateMany({
      where: { id: code.id, usedAt: null, attempts: code.attempts },
      data: { attempts: { increment: 1 }, ...(ok ? { usedAt: now } : {}) },
    });
    return claimed.count > 0;
  }
}
