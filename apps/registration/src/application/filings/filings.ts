import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { Clock, newId } from '@otr/kernel';
import { NotCompetentToDecide } from '../../domain/errors';
import {
  CourseFiling,
  fileCourse,
  fileStaff,
  removeStaff,
  StaffFiling,
  toStaffMember,
} from '../../domain/filings';
import { LicenseState } from '../../domain/license';
import { idNumberPepper } from '../id-number-pepper';
import {
  APPLICANT_RECORDS,
  ApplicantRecords,
  LICENSES,
  LicenseRepository,
  LICENSING_RULES,
  LicensingRulesSource,
} from '../ports';
import { CLOCK_TOKEN } from '../tokens';

/** Who files: the operator of the licensed institution. */
export interface Filer {
  institutionId?: string;
}

export class FileCourseCommand extends Command<{ courseId: string }> {
  constructor(
    readonly licenseId: string,
    readonly course: CourseFiling,
    readonly origin: EventOrigin,
    readonly by: Filer,
  ) {
    super();
  }
}

export class FileStaffCommand extends Command<{ staffId: string }> {
  constructor(
    readonly licenseId: string,
    readonly staff: StaffFiling,
    readonly origin: EventOrigin,
    readonly by: Filer,
  ) {
    super();
  }
}

export class RemoveStaffCommand extends Command<void> {
  constructor(
    readonly licenseId: string,
    readonly staffId: string,
    readonly reason: string,
    readonly origin: EventOrigin,
    readonly by: Filer,
  ) {
    super();
  }
}

/** Only the institution's own operator files for its license. */
export function assertOwnInstitution(license: LicenseState, by: Filer): void {
  if (by.institutionId !== license.institutionId) {
    throw new NotCompetentToDecide('only the institution itself files for its license', {
      field: 'licenseId',
      rule: 'operators file for their own institution',
    });
  }
}

@CommandHandler(FileCourseCommand)
export class FileCourseHandler implements ICommandHandler<FileCourseCommand> {
  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(LICENSING_RULES) private readonly rules: LicensingRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ licenseId, course, origin, by }: FileCourseCommand) {
    const license = await this.licenses.load(licenseId);
    assertOwnInstitution(license, by);
    const rules = this.rules.forDistrict(license.district, this.clock.now());
    const courseId = newId();
    await this.licenses.saveFilings(
      license,
      fileCourse(license, course, rules.onlineLessonMaxMinutes, courseId),
      origin,
    );
    return { courseId };
  }
}

@CommandHandler(FileStaffCommand)
export class FileStaffHandler implements ICommandHandler<FileStaffCommand> {
  constructor(
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
    @Inject(APPLICANT_RECORDS) private readonly records: ApplicantRecords,
  ) {}

  async execute({ licenseId, staff, origin, by }: FileStaffCommand) {
    const license = await this.licenses.load(licenseId);
    assertOwnInstitution(license, by);
    const member = toStaffMember(staff, idNumberPepper());
    const matches = await this.records.rosterMatches([member.idNumberHash]);
    const staffId = newId();
    await this.licenses.saveFilings(license, fileStaff(license, member, matches, staffId), origin);
    return { staffId };
  }
}

@CommandHandler(RemoveStaffCommand)
export class RemoveStaffHandler implements ICommandHandler<RemoveStaffCommand> {
  constructor(@Inject(LICENSES) private readonly licenses: LicenseRepository) {}

  async execute({ licenseId, staffId, reason, origin, by }: RemoveStaffCommand) {
    const license = await this.licenses.load(licenseId);
    assertOwnInstitution(license, by);
    const staff = await this.licenses.staffMember(licenseId, staffId);
    await this.licenses.saveFilings(license, removeStaff(license, staff, reason), origin);
  }
}

export const filingHandlers = [FileCourseHandler, FileStaffHandler, RemoveStaffHandler];
