import type { NextFunction, Response } from 'express';
import type { Logger } from 'pino';
import { WithPrincipal } from '@otr/auth';
import { currentContext } from '@otr/messaging';
import { GatewayPrisma } from '../infrastructure/gateway-prisma';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ID = /^[0-9a-f]{8}-[0-9a-f-]{27}$|^\d+$/i;

/** /api/registration/applications/<id>/approve → registration.applications, <id>. */
export function recordOf(path: string): { recordType?: string; recordId?: string } {
  const parts = path.split('?')[0].split('/').filter(Boolean).slice(1);
  const id = parts.find((p) => ID.test(p));
  const named = parts.filter((p) => !ID.test(p));
  return { recordType: named.slice(0, 2).join('.') || undefined, recordId: id };
}

export interface AuditLocals {
  /** Set by a route that identifies the actor itself (sign-in) or that showed personal data. */
  auditUserId?: string;
  auditAction?: string;
}

/** Appends an audit entry for every state-changing request, and for views a route marks, after it finishes. */
export const auditTrail =
  (prisma: GatewayPrisma, log: Logger) => (req: WithPrincipal, res: Response, next: NextFunction) => {
    const correlationId = currentContext()?.correlationId;
    res.on('finish', () => {
      const locals = res.locals as AuditLocals;
      if (!STATE_CHANGING.has(req.method) && !locals.auditAction) return;
      const p = req.principal;
      const path = req.originalUrl.split('?')[0];
      prisma.auditEntry
        .create({
          data: {
            userId: p?.userId ?? locals.auditUserId ?? null,
            role: p?.roles.join(',') ?? null,
            department: p?.department ?? null,
            jurisdiction: p?.jurisdiction ?? null,
            method: req.method,
            path,
            action: locals.auditAction ?? `${req.method} ${path}`,
            ...recordOf(path),
            status: res.statusCode,
            correlationId: correlationId ?? null,
            ip: req.ip ?? null,
          },
        })
        .catch((err: unknown) => log.error({ err, path }, 'audit entry not written'));
    });
    next();
  };
