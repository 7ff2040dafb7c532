import {
  Body,
  ConflictException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { Department, Role, Roles } from '@otr/auth';
import { Clock, CLOCK } from '@otr/kernel';
import {
  AfterCursor,
  IsoInstant,
  KeysetEnvelope,
  keysetPage,
  ListEnvelope,
  Returns,
  UuidPipe,
  ZodPipe,
} from '@otr/runtime';
import { changeAccount } from '../application/change-account';
import { ACCOUNTS, AccountStore } from '../application/ports';
import { GatewayPrisma } from '../infrastructure/gateway-prisma';
import { User } from '../infrastructure/prisma/generated/client';
import { GATEWAY_PRISMA } from './tokens';

const Jurisdiction = z.string().regex(/^CN(-[A-Z0-9]+){0,3}$/, 'a jurisdiction code such as CN-ZJ-HZ-XH');
const Password = z.string().min(12, 'at least 12 characters').max(200);

const NewUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,64}$/, 'lower-case letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(64),
  password: Password,
  roles: z.array(Role).min(1),
  department: Department.optional(),
  jurisdiction: Jurisdiction,
  institutionId: z.string().optional(),
});
const UserChange = NewUser.omit({ username: true, password: true }).partial().extend({
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
const UserFilter = Page.extend({ q: z.string().max(64).optional(), role: Role.optional() });
const AuditFilter = Page.extend({
  userId: z.string().max(64).optional(),
  path: z.string().max(200).optional(),
  recordId: z.string().max(64).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  after: AfterCursor.optional(),
})
  .refine((f) => !f.after || f.page === 1, {
    message: 'after replaces page: give one of them',
    path: ['after'],
  })
  .refine((f) => !f.after || /^\d{1,19}$/.test(f.after[1]), {
    message: 'not a cursor this list returned as nextCursor',
    path: ['after'],
  });

/** An account as administrators see it: never its password hash. */
const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  department: Department.nullable(),
  jurisdiction: z.string().describe('CN-ZJ-HZ for a city official, CN-ZJ-HZ-XH for a district one.'),
  institutionId: z.string().nullable().describe('The institution an operator account acts for.'),
  failedAttempts: z.number().int().nonnegative().describe('Failed sign-ins counted toward the lockout.'),
  lockedUntil: z.iso
    .datetime()
    .nullable()
    .describe('Locked after repeated failed sign-ins until then (423).'),
  disabled: z.boolean(),
  sessionVersion: z.number().int().nonnegative().describe('Bumped when a change ends every session.'),
  createdAt: z.iso.datetime(),
});

/** One entry of the append-only audit log (审计日志): who did what, where, with what outcome. */
const AuditEntryView = z.object({
  id: z.string().describe("The entry's sequence number, as a string (it outgrows JavaScript numbers)."),
  at: z.iso.datetime(),
  userId: z.string().nullable(),
  role: z.string().nullable(),
  department: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  action: z.string().describe('What was done, e.g. "sign-in approver.xihu".'),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  status: z.number().int().describe('The HTTP status answered.'),
  correlationId: z.string().nullable(),
  ip: z.string().nullable(),
});

const publicUser = <U extends { passwordHash: string }>({ passwordHash: _hash, ...u }: U) => u;

/** Administrators manage accounts and search the audit log. */
@Controller('api/admin')
@Roles('administrator')
export class AdminController {
  constructor(
    @Inject(GATEWAY_PRISMA) private readonly prisma: GatewayPrisma,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCOUNTS) private readonly accounts: AccountStore<User>,
  ) {}

  @Get('users')
  @Returns(ListEnvelope(UserView))
  async users(@Query(new ZodPipe(UserFilter)) f: z.infer<typeof UserFilter>) {
    const where = {
      ...(f.q ? { OR: [{ username: { contains: f.q } }, { displayName: { contains: f.q } }] } : {}),
      ...(f.role ? { roles: { has: f.role } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({
        where,
        orderBy: { username: 'asc' },
        skip: (f.page - 1) * f.pageSize,
        take: f.pageSize,
      }),
      this.prisma.user.count({ where }),
    ]);
    return { items: rows.map(publicUser), total };
  }

  @Get('users/:id')
  @Returns(UserView)
  async user(@Param('id', new UuidPipe()) id: string) {
    const row = await this.prisma.user.findUnique({ where: { id } });
    if (!row) throw new NotFoundException(`user ${id} not found`);
    return publicUser(row);
  }

  @Post('users')
  @Returns(UserView)
  async create(@Body(new ZodPipe(NewUser)) body: z.infer<typeof NewUser>) {
    const { password, ...rest } = body;
    const taken = () => new ConflictException(`username: ${body.username} is taken`);
    if (await this.prisma.user.findUnique({ where: { username: body.username }, select: { id: true } }))
      throw taken();
    const row = await this.prisma.user
      .create({ data: { id: randomUUID(), ...rest, passwordHash: await bcrypt.hash(password, 10) } })
      // Two administrators creating the same name at once: the unique index decides.
      .catch((error: { code?: string }) => {
        throw error?.code === 'P2002' ? taken() : error;
      });
    return publicUser(row);
  }

  @Patch('users/:id')
  @Returns(UserView)
  async update(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(UserChange)) body: z.infer<typeof UserChange>,
  ) {
    return publicUser(await changeAccount(this.accounts, this.clock, id, body));
  }

  /** Newest first; `after` continues from a page's nextCursor however deep the log is (keyset). */
  @Get('audit')
  @Returns(KeysetEnvelope(AuditEntryView))
  async audit(@Query(new ZodPipe(AuditFilter)) f: z.infer<typeof AuditFilter>) {
    const where = {
      ...(f.userId ? { userId: f.userId } : {}),
      ...(f.path ? { path: { contains: f.path } } : {}),
      ...(f.recordId ? { recordId: f.recordId } : {}),
      ...(f.from || f.to
        ? { at: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lte: new Date(f.to) } : {}) } }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.auditEntry.findMany({
        where: f.after ? { AND: [where, { id: { lt: BigInt(f.after[1]) } }] } : where,
        orderBy: { id: 'desc' },
        ...(f.after ? {} : { skip: (f.page - 1) * f.pageSize }),
        take: f.pageSize + 1,
      }),
      this.prisma.auditEntry.count({ where }),
    ]);
    // The id is the order: the cursor's key and id are both the last entry's sequence number.
    const page = keysetPage(rows, f.pageSize, (r) => [String(r.id), String(r.id)]);
    return { items: page.items.map((r) => ({ ...r, id: String(r.id) })), total, nextCursor: page.nextCursor };
  }
}
