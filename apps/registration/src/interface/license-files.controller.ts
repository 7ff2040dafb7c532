import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { NoIdNumberHashes } from './no-id-number-hashes.interceptor';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { InstitutionName, PersonName, publicText, ResidentIdNumberField } from '@otr/kernel';
import { CurrentPrincipal, originOf, Principal, readScopeOf, Roles } from '@otr/auth';
import { IsoDate, Scope } from '@otr/contracts';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import {
  CourseReceipt,
  LicenseFileView,
  LicensePage,
  LicenseRequestPage,
  RequestDecided,
  RequestReceipt,
  RosterImported,
  StaffReceipt,
  StaffRemoved,
  UpkeepDone,
} from './answers';
import { CourseFiling, StaffFiling } from '../domain/filings';
import { FileCourseCommand, FileStaffCommand, RemoveStaffCommand } from '../application/filings/filings';
import {
  DecideLicenseRequestCommand,
  FileLicenseRequestCommand,
} from '../application/license-requests/license-requests';
import { ImportRosterCommand } from '../application/roster/import-roster';
import { LicenseUpkeep } from '../application/upkeep/license-upkeep';
import { licenseActions, requestActions } from '../application/record-actions';
import { LicenseReadModel, ReadScope, RegistrationStats } from '../infrastructure/license-read-model';

export const LICENSE_READ_MODEL = Symbol('LicenseReadModel');

const LicenseFilter = z.object({
  status: z.enum(['active', 'suspended', 'revoked', 'expired', 'closed']).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
const Removal = z.object({ reason: z.string().trim().min(2).max(500) });
const LicenseRequestBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('change'),
    changes: z
      .object({
        institutionName: InstitutionName,
        address: publicText('text', 4, 200),
        legalRepresentative: PersonName,
        scopes: z.array(Scope).min(1),
      })
      .partial()
      .refine((c) => Object.keys(c).length > 0, 'name at least one change'),
  }),
  z.object({ kind: z.literal('closure'), closesOn: IsoDate, reason: z.string().trim().min(2).max(1000) }),
]);
const RequestDecision = z.discriminatedUnion('approve', [
  z.object({ approve: z.literal(true) }),
  z.object({ approve: z.literal(false), reasons: z.string().trim().min(2).max(2000) }),
]);
const RequestFilter = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });
const Roster = z.object({
  teachers: z
    .array(
      z.object({
        name: z.string().trim().min(2).max(50),
        idNumber: ResidentIdNumberField,
        school: z.string().trim().min(2).max(100),
      }),
    )
    .max(200_000),
});
type LicenseFilterInput = z.infer<typeof LicenseFilter>;
type CourseInput = z.infer<typeof CourseFiling>;
type StaffInput = z.infer<typeof StaffFiling>;
type RemovalInput = z.infer<typeof Removal>;
type RequestInput = z.infer<typeof LicenseRequestBody>;
type DecisionInput = z.infer<typeof RequestDecision>;
type RequestFilterInput = z.infer<typeof RequestFilter>;
type RosterInput = z.infer<typeof Roster>;

/** Operators read their own institution, officials their jurisdiction (the one policy, libs/auth). */
const scopeOf = (p: Principal): ReadScope => readScopeOf(p);

const OFFICIALS_AND_OPERATORS = [
  'approver',
  'institution-operator',
  'inspector',
  'task-force-officer',
  'fund-supervisor',
  'viewer',
  'administrator',
] as const;

/** A license's file after issue: filings (课程/人员备案), change and closure requests, the roster. */
@UseInterceptors(NoIdNumberHashes)
@Controller()
export class LicenseFilesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(LICENSE_READ_MODEL) private readonly read: LicenseReadModel,
    private readonly upkeep: LicenseUpkeep,
  ) {}

  @Get('stats')
  @Returns(RegistrationStats)
  @Roles(...OFFICIALS_AND_OPERATORS)
  stats(@CurrentPrincipal() p: Principal) {
    return this.read.stats(scopeOf(p));
  }

  @Get('licenses')
  @Returns(LicensePage)
  @Roles(...OFFICIALS_AND_OPERATORS)
  async list(
    @Query(new ZodPipe(LicenseFilter)) filter: LicenseFilterInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const { items, total } = await this.read.list(scopeOf(p), filter);
    return { items: items.map((l) => ({ ...l, actions: licenseActions(l, p) })), total };
  }

  @Get('licenses/:id')
  @Returns(LicenseFileView)
  @Roles(...OFFICIALS_AND_OPERATORS)
  async file(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const file = await this.read.file(id, scopeOf(p));
    if (!file) throw new NotFoundException(`license ${id} not found in your jurisdiction`);
    return { ...file, actions: licenseActions(file, p) };
  }

  @Post('licenses/:id/courses')
  @Returns(CourseReceipt)
  @Roles('institution-operator')
  fileCourse(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(CourseFiling)) course: CourseInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new FileCourseCommand(id, course, originOf(p), p));
  }

  @Post('licenses/:id/staff')
  @Returns(StaffReceipt)
  @Roles('institution-operator')
  fileStaff(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(StaffFiling)) staff: StaffInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new FileStaffCommand(id, staff, originOf(p), p));
  }

  @Post('licenses/:id/staff/:staffId/remove')
  @HttpCode(200)
  @Returns(StaffRemoved)
  @Roles('institution-operator')
  async removeStaff(
    @Param('id', new UuidPipe()) id: string,
    @Param('staffId', new UuidPipe()) staffId: string,
    @Body(new ZodPipe(Removal)) body: RemovalInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.commands.execute(new RemoveStaffCommand(id, staffId, body.reason, originOf(p), p));
    return { removed: staffId };
  }

  @Post('licenses/:id/requests')
  @Returns(RequestReceipt)
  @Roles('institution-operator')
  fileRequest(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(LicenseRequestBody)) body: RequestInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new FileLicenseRequestCommand(id, body, originOf(p), p));
  }

  @Get('license-requests')
  @Returns(LicenseRequestPage)
  @Roles('approver', 'viewer', 'administrator', 'institution-operator')
  async requests(
    @Query(new ZodPipe(RequestFilter)) filter: RequestFilterInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const { items, total } = await this.read.requests(scopeOf(p), filter.status);
    return { items: items.map((r) => ({ ...r, actions: requestActions(r, p) })), total };
  }

  @Post('license-requests/:id/decision')
  @HttpCode(200)
  @Returns(RequestDecided)
  @Roles('approver')
  async decide(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(RequestDecision)) body: DecisionInput,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.commands.execute(new DecideLicenseRequestCommand(id, body, originOf(p), p));
    return { id, status: body.approve ? 'approved' : 'rejected' };
  }

  /** Replaces the in-service teacher roster; every filed staff member is checked against it. */
  @Post('in-service-roster')
  @HttpCode(200)
  @Returns(RosterImported)
  @Roles('administrator')
  importRoster(@Body(new ZodPipe(Roster)) body: RosterInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new ImportRosterCommand(body.teachers, originOf(p)));
  }

  /** Runs the daily upkeep now (expiry, reminders, overdue steps); it also runs on its own schedule. */
  @Post('upkeep')
  @HttpCode(200)
  @Returns(UpkeepDone)
  @Roles('administrator')
  runUpkeep() {
    return this.upkeep.run();
  }
}
