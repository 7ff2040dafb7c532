import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal, Principal, Public, WithPrincipal } from '@otr/auth';
import { Refuses, Returns, ZodPipe } from '@otr/runtime';
import { Sessions, SessionTokens } from '../application/sessions';
import { AuditLocals } from './audit-trail';

const Login = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .meta({ examples: [{ username: 'approver.xihu', password: '西湖区审批-2026-春' }] });
const Refresh = z.object({ refreshToken: z.string().min(20).max(200) });
const Logout = z.object({ refreshToken: z.string().max(200).optional() });

@Controller('api/auth')
export class AuthController {
  constructor(@Inject(Sessions) private readonly sessions: Sessions) {}

  /** Sign-in: 10 attempts a minute per client on top of the account lockout. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @Returns(SessionTokens)
  // A wrong username or password is a 401; an account locked after repeated failures a 423.
  @Refuses(401, 423)
  @Throttle({ default: { limit: () => Number(process.env.LOGIN_RATE_LIMIT ?? 10), ttl: 60_000 } })
  async login(
    @Body(new ZodPipe(Login)) body: z.infer<typeof Login>,
    @Res({ passthrough: true }) res: Response,
  ) {
    (res.locals as AuditLocals).auditAction = `sign-in ${body.username}`;
    const session = await this.sessions.login(body.username, body.password);
    (res.locals as AuditLocals).auditUserId = session.user.userId;
    return session;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Returns(SessionTokens)
  @Refuses(401)
  refresh(@Body(new ZodPipe(Refresh)) body: z.infer<typeof Refresh>) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body(new ZodPipe(Logout)) body: z.infer<typeof Logout>, @Req() req: WithPrincipal) {
    await this.sessions.logout(req.header('authorization')?.slice(7), body.refreshToken);
  }

  @Get('me')
  @Returns(Principal)
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}
