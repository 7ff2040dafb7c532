import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { NoIdNumberHashes } from './no-id-number-hashes.interceptor';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, originOf, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { LicenseState } from '../domain/license';
import { ChangeLicenseCommand, LicenseChange } from '../application/license-lifecycle/license-lifecycle';

const Decision = z.object({
  reason: z.string().trim().min(2).max(1000),
  decision: z.string().trim().max(100).optional(),
});
const Renewal = z.object({ validUntil: IsoDate });
type DecisionInput = z.infer<typeof Decision>;
type RenewalInput = z.infer<typeof Renewal>;

/** Changes to an issued license by the approving authority. */
@UseInterceptors(NoIdNumberHashes)
@Controller('licenses/:id')
@Roles('approver')
export class LicensesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('suspend')
  @HttpCode(200)
  @Returns(LicenseState)
  suspend(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Decision)) body: DecisionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.change(id, { kind: 'suspend', ...body }, p);
  }

  @Post('reinstate')
  @HttpCode(200)
  @Returns(LicenseState)
  reinstate(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Decision)) body: DecisionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.change(id, { kind: 'reinstate', ...body }, p);
  }

  @Post('revoke')
  @HttpCode(200)
  @Returns(LicenseState)
  revoke(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Decision)) body: DecisionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.change(id, { kind: 'revoke', ...body }, p);
  }

  @Post('renew')
  @HttpCode(200)
  @Returns(LicenseState)
  renew(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Renewal)) body: RenewalInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.change(id, { kind: 'renew', validUntil: body.validUntil }, p);
  }

  private change(id: string, change: LicenseChange, p: Principal) {
    return this.commands.execute(new ChangeLicenseCommand(id, change, originOf(p), p));
  }
}
