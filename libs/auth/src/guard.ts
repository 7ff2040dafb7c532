import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { actsForInstitution } from './access';
import { hasRole, Principal, Role } from './principal';
import { PRINCIPAL_HEADER, verifyPrincipal } from './internal-token';

export const PUBLIC = 'otr.public';
export const ROLES = 'otr.roles';

/** A route anyone may call (the public directory, complaint intake). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The roles allowed on a route; every other route needs a signed principal with any role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type WithPrincipal = Request & { principal?: Principal };

/**
 * Where a service's Express app keeps its own name (set by startService), so the guard accepts only
 * principals the gateway signed for this service.
 */
export const SERVICE_NAME_LOCAL = 'otrServiceName';

/** Services trust only what the gateway signs for them: verifies the principal header and the route's roles. */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<WithPrincipal>();
    const token = req.header(PRINCIPAL_HEADER);
    if (token) {
      // No name, no audience: an app that does not know which service it is trusts no principal.
      const service: unknown = req.app?.locals?.[SERVICE_NAME_LOCAL];
      try {
        if (typeof service !== 'string') throw new Error('service name unknown');
        req.principal = await verifyPrincipal(token, service);
      } catch {
        throw new UnauthorizedException('invalid principal');
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    if (!req.principal) throw new UnauthorizedException('sign in required');
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);
    if (roles && !hasRole(req.principal, ...roles))
      throw new ForbiddenException(`requires role ${roles.join(' or ')}`);
    // 职责分离: an account acting for an institution uses only the routes open to operators, even
    // if it also holds an official role — it reads as its institution (access.ts) and never decides.
    if (roles && !roles.includes('institution-operator') && actsForInstitution(req.principal))
      throw new ForbiddenException('an account acting for an institution takes no official action');
    return true;
  }
}

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<WithPrincipal>().principal;
  if (!principal) throw new UnauthorizedException('sign in required');
  return principal;
});
