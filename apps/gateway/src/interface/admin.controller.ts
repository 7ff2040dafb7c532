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
  Res,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Response } from 'express';
import { z } from 'zod';
import { Department, Role, Roles } from '@otr/auth';
import { Clock, CLOCK } from '@otr/kernel';
import { IsoInstant, UuidPipe, ZodPipe } from '@otr/runtime';
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
  async users(
    @Query(new ZodPipe(UserFilter)) f: z.infer<typeof UserFilter>,
    @Res({ passthrough: true }) res: Response,
  ) {
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
    res.setHeader('X-Total-Count', String(total));
    return rows.map(publicUser);
  }

  @Get('users/:id')
  async user(@Param('id', new UuidPipe()) id: string) {
    const row = await this.prisma.user.findUnique({ where: { id } });
    if (!row) throw new NotFoundException(`user ${id} not found`);
    return publicUser(row);
  }

  @Post('users')
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
  async update(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(UserChange)) body: z.infer<typeof UserChange>,
  ) {
    return publicUser(await changeAccount(this.accounts, this.clock, id, body));
  }

  @Get('audit')
  async audit(
    @Query(new ZodPipe(AuditFilter)) f: z.infer<typeof AuditFilter>,
    @Res({ passthrough: true }) res: Response,
  ) {
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
        where,
        orderBy: { id: 'desc' },
        skip: (f.page - 1) * f.pageSize,
        take: f.pageSize,
      }),
      this.prisma.auditEntry.count({ where }),
    ]);
    res.setHeader('X-Total-Count', String(total));
    return rows.map((r) => ({ ...r, id: String(r.id) }));
  }
}
