import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Response } from 'express';
import { hasRole, PRINCIPAL_HEADER, PUBLIC, Role, ROLES, WithPrincipal } from '@otr/auth';
import { isInfrastructureFailure } from '@otr/messaging';
import { sendProblem, UNAVAILABLE } from '@otr/runtime';
import { Sessions } from '../application/sessions';

/** Reads the bearer token on every request and attaches the caller, when there is a valid one. */
export const authenticate =
  (sessions: Sessions) => async (req: WithPrincipal, res: Response, next: NextFunction) => {
    const header = req.header('authorization');
    req.principal = undefined;
    // Only the gateway signs principals: one a client sends is dropped on every path.
    delete req.headers[PRINCIPAL_HEADER];
    if (header?.startsWith('Bearer ')) {
      try {
        req.principal = (await sessions.authenticate(header.slice(7))) ?? undefined;
      } catch (error) {
        // The session store is away: the caller may well be signed in, so "come back", not "sign in".
        if (isInfrastructureFailure(error)) return sendProblem(req, res, UNAVAILABLE);
      }
    }
    next();
  };

/** The gateway's own routes: signed-in unless @Public, and the roles a route names. */
@Injectable()
export class GatewayAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const principal = ctx.switchToHttp().getRequest<WithPrincipal>().principal;
    if (!principal) throw new UnauthorizedException('sign in required');
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);
    if (roles && !hasRole(principal, ...roles))
      throw new ForbiddenException(`requires role ${roles.join(' or ')}`);
    return true;
  }
}
