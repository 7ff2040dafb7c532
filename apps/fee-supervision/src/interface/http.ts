import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { originOf } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { z } from 'zod';
import { FamilySession, FamilySignIn } from '../application/family-sign-in';

/** The origin of an official's or operator's command: libs/auth says it once for every service. */
export { originOf };

export const familyOrigin = (f: FamilySession): EventOrigin => ({
  actor: { userId: `family:${f.familyId}`, role: 'family' },
  correlationId: currentContext()?.correlationId ?? 'none',
});

export const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const FAMILY_TOKEN_HEADER = 'x-family-token';

type WithFamily = Request & { family?: FamilySession };

/**
 * Guards the families' public routes (@Public for the gateway's principal check): the caller must
 * carry a family token this service issued, as `Authorization: Bearer …` or `x-family-token`.
 */
@Injectable()
export class FamilyGuard implements CanActivate {
  constructor(private readonly signIn: FamilySignIn) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<WithFamily>();
    const bearer = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const token = req.header(FAMILY_TOKEN_HEADER) ?? bearer;
    if (!token) throw new UnauthorizedException('family sign-in required');
    try {
      req.family = await this.signIn.session(token);
    } catch {
      throw new UnauthorizedException('invalid or expired family token');
    }
    return true;
  }
}

export const CurrentFamily = createParamDecorator((_: unknown, ctx: ExecutionContext): FamilySession => {
  const family = ctx.switchToHttp().getRequest<WithFamily>().family;
  if (!family) throw new UnauthorizedException('family sign-in required');
  return family;
});
