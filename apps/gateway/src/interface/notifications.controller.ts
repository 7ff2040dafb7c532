import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, OFFICIAL_ROLES, Principal, Roles, signPrincipal } from '@otr/auth';
import { Returns, ZodPipe } from '@otr/runtime';
import { authorize, GATEWAY_LOCAL } from '../domain/access-policy';
import { WORK_SOURCES, WorkFigures, WorkNoticeFeed, workNotices, WorkSource } from '../domain/work-notices';
import { serviceHeaders, serviceUrl } from './service-proxy';

/** How long the bell waits for a service's figures before leaving that service out. */
const ASK_TIMEOUT_MS = 2_000;

const Feed = z.object({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') });

/**
 * GET /api/me/notifications: the console bell's feed, the work waiting for the signed-in official,
 * from the dashboard endpoints of the services the access policy lets them reach, asked in parallel.
 */
@Controller('api/me')
export class NotificationsController {
  @Get('notifications')
  @Returns(WorkNoticeFeed)
  @Roles(...OFFICIAL_ROLES)
  async notifications(
    @Query(new ZodPipe(Feed)) query: z.infer<typeof Feed>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const answers = await Promise.all(
      (Object.keys(WORK_SOURCES) as WorkSource[]).map(async (source) => {
        const decision = authorize('GET', WORK_SOURCES[source].path, principal);
        if (decision.kind !== 'allow' || decision.route.service === GATEWAY_LOCAL) return [];
        const service = decision.route.service;
        const res = await fetch(`${serviceUrl(service)}${decision.servicePath}`, {
          headers: serviceHeaders(await signPrincipal(principal, service)),
          signal: AbortSignal.timeout(ASK_TIMEOUT_MS),
        }).catch(() => null);
        if (!res?.ok) return [];
        const figures = WORK_SOURCES[source].figures.safeParse(await res.json().catch(() => null));
        return figures.success ? [[source, figures.data] as const] : [];
      }),
    );
    return workNotices(Object.fromEntries(answers.flat()) as WorkFigures, query.locale);
  }
}
