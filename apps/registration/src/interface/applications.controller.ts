import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { NoIdNumberHashes } from './no-id-number-hashes.interceptor';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, originOf, Principal, Roles } from '@otr/auth';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { applicationView, ApplicationView, ApprovedReceipt, SubmittedReceipt } from './answers';
import { ApplicationFormInput, toApplicationForm } from './application-input';
import { assertCanSee } from './materials.controller';
import { APPLICATIONS, ApplicationRepository } from '../application/ports';
import { SubmitApplicationCommand } from '../application/submit-application/submit-application.command';
import { ApproveApplicationCommand } from '../application/approve-application/approve-application.command';
import {
  ApplicationFilter,
  ApplicationPage,
  ListApplicationsQuery,
} from '../application/list-applications/list-applications.query';

/** A type-only name for the request, so decorator metadata does not point at the zod schema value. */
type ApplicationInput = ApplicationFormInput;
type FilterInput = ApplicationFilter;

@UseInterceptors(NoIdNumberHashes)
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
  ) {}

  @Get()
  @Returns(ApplicationPage)
  @Roles('approver', 'institution-operator', 'task-force-officer', 'inspector', 'viewer', 'administrator')
  list(@Query(new ZodPipe(ApplicationFilter)) filter: FilterInput, @CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ListApplicationsQuery(filter, p));
  }

  @Post()
  @Returns(SubmittedReceipt)
  @Roles('institution-operator', 'approver')
  submit(@Body(new ZodPipe(ApplicationFormInput)) form: ApplicationInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(
      new SubmitApplicationCommand(toApplicationForm(form), originOf(p), p.institutionId),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Returns(ApprovedReceipt)
  @Roles('approver')
  approve(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new ApproveApplicationCommand(id, originOf(p), p));
  }

  @Get(':id')
  @Returns(ApplicationView)
  @Roles('approver', 'institution-operator', 'task-force-officer', 'viewer', 'administrator')
  async get(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const application = await this.applications.load(id);
    assertCanSee(p, application);
    return applicationView(application, p);
  }
}
