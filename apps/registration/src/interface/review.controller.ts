import { Body, Controller, HttpCode, Inject, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { NoIdNumberHashes } from './no-id-number-hashes.interceptor';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Department, originOf, Principal, Roles } from '@otr/auth';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { applicationView, ApplicationView } from './answers';
import { ResubmissionInput, toResubmittedForm } from './application-input';
import { OPINION_DEPARTMENTS, restoreKeptStaff } from '../domain/license-application';
import { APPLICATIONS, ApplicationRepository } from '../application/ports';
import {
  GiveOpinionCommand,
  RejectApplicationCommand,
  RequestOpinionCommand,
  ResubmitApplicationCommand,
  ReturnApplicationCommand,
} from '../application/review/review.commands';

const ReturnBody = z.object({
  items: z
    .array(z.object({ field: z.string().min(1).max(100), reason: z.string().trim().min(2).max(500) }))
    .min(1),
});
const OpinionRequestBody = z.object({ department: z.enum(OPINION_DEPARTMENTS) });
const OpinionBody = z.object({ agrees: z.boolean(), reasons: z.string().trim().max(2000).default('') });
const RejectBody = z.object({ reasons: z.string().trim().min(2).max(2000) });

type ReturnInput = z.infer<typeof ReturnBody>;
type OpinionRequestInput = z.infer<typeof OpinionRequestBody>;
type OpinionInput = z.infer<typeof OpinionBody>;
type RejectInput = z.infer<typeof RejectBody>;
type FormInput = ResubmissionInput;

/** The review of an application: correction, joint-review opinions, rejection. */
@UseInterceptors(NoIdNumberHashes)
@Controller('applications/:id')
export class ReviewController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APPLICATIONS) private readonly applications: ApplicationRepository,
  ) {}

  @Post('return')
  @HttpCode(200)
  @Returns(ApplicationView)
  @Roles('approver')
  async returnForCorrection(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(ReturnBody)) body: ReturnInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return applicationView(
      await this.commands.execute(new ReturnApplicationCommand(id, body.items, originOf(p), p)),
      p,
    );
  }

  /**
   * The operator's corrected form (补正后重新提交); staff already filed may be sent by the masked
   * number shown. Their filed HMAC is restored here, before the roster check, so kept staff are
   * checked against the roster as new ones are.
   */
  @Put()
  @Returns(ApplicationView)
  @Roles('institution-operator')
  async resubmit(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(ResubmissionInput)) form: FormInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const corrected = toResubmittedForm(form);
    const application = await this.applications.load(id);
    const own = application.institutionId === p.institutionId && application.status === 'returned';
    const staffed = own ? { ...corrected, staff: restoreKeptStaff(application, corrected.staff) } : corrected;
    return applicationView(
      await this.commands.execute(new ResubmitApplicationCommand(id, staffed, originOf(p), p.institutionId)),
      p,
    );
  }

  @Post('opinions')
  @HttpCode(200)
  @Returns(ApplicationView)
  @Roles('approver')
  async requestOpinion(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(OpinionRequestBody)) body: OpinionRequestInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return applicationView(
      await this.commands.execute(new RequestOpinionCommand(id, body.department, originOf(p), p)),
      p,
    );
  }

  @Post('opinions/:department')
  @HttpCode(200)
  @Returns(ApplicationView)
  @Roles('task-force-officer')
  async giveOpinion(
    @Param('id', new UuidPipe()) id: string,
    @Param('department', new ZodPipe(Department)) department: string,
    @Body(new ZodPipe(OpinionBody)) body: OpinionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    // The domain checks the department and the jurisdiction (the one that reads the application).
    return applicationView(
      await this.commands.execute(new GiveOpinionCommand(id, { department, ...body }, originOf(p), p)),
      p,
    );
  }

  @Post('reject')
  @HttpCode(200)
  @Returns(ApplicationView)
  @Roles('approver')
  async reject(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(RejectBody)) body: RejectInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return applicationView(
      await this.commands.execute(new RejectApplicationCommand(id, body.reasons, originOf(p), p)),
      p,
    );
  }
}
