import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@otr/auth';
import { GatewayPrisma } from './gateway-prisma';

/** Creates the demo accounts once (existing ones are left as they are). */
export async function seedDemoUsers(prisma: GatewayPrisma, operatorInstitutionId?: string): Promise<void> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const a of DEMO_ACCOUNTS) {
    const institutionId = a.roles.includes('institution-operator') ? operatorInstitutionId : undefined;
    await prisma.user.upsert({
      where: { username: a.username },
      create: {
        id: randomUUID(),
        username: a.username,
        passwordHash,
        displayName: a.displayName,
        roles: a.roles,
        department: a.department ?? null,
        jurisdiction: a.jurisdiction,
        institutionId: institutionId ?? null,
      },
      update: institutionId ? { institutionId } : {},
    });
  }
}
