import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { ZodPipe } from '@otr/runtime';
import { ApplicationForm } from '../domain/application-form';
import { APPLICATIONS, ApplicationRepository } from '../application/ports';
import { SubmitApplicationCommand } from '../application/submit-application/submit-application.command';
import { ApproveApplicationCommand } from '../application/approve-application/approve-application.command';

/** A type-only name for the request, so decorator metadata does not point at the zod schema value. */
type ApplicationInput = ApplicationForm;

export const originOf = (p: Principal): EventOrigin => ({
  actor: { userId: p.userId, role: p.roles[0], ...(p.department ? { department: p.department } : {}) },
  correlationId: currentContext()?.correlationId ?? 'none',
});

@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
  ) {}

  @Post()
  @Roles('institution-operator', 'approver')
  submit(@Body(new ZodPipe(ApplicationForm)) form: ApplicationInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new SubmitApplicationCommand(form, originOf(p), p.institutionId));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('approver')
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new ApproveApplicationCommand(id, originOf(p)));
  }

  @Get(':id')
  @Roles('approver', 'institution-operator', 'task-force-officer', 'viewer', 'administrator')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.applications.load(id);
  }
}
