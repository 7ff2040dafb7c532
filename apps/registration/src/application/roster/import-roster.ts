import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin } from '@otr/contracts';
import { hashIdNumber, newlyDetected } from '../../domain/in-service-roster';
import { idNumberPepper } from '../id-number-pepper';
import { APPLICANT_RECORDS, ApplicantRecords, LICENSES, LicenseRepository } from '../ports';

export interface RosterRow {
  name: string;
  idNumber: string;
  school: string;
}

/** An administrator replaces the in-service school teacher roster (在职中小学教师名册). */
export class ImportRosterCommand extends Command<{ teachers: number; detected: number }> {
  constructor(
    readonly rows: RosterRow[],
    readonly origin: EventOrigin,
  ) {
    super();
  }
}

/** After each import every filed staff member is checked again; new matches go to inspection. */
@CommandHandler(ImportRosterCommand)
export class ImportRosterHandler implements ICommandHandler<ImportRosterCommand> {
  constructor(
    @Inject(APPLICANT_RECORDS) private readonly records: ApplicantRecords,
    @Inject(LICENSES) private readonly licenses: LicenseRepository,
  ) {}

  async execute({ rows, origin }: ImportRosterCommand) {
    const pepper = idNumberPepper();
    const roster = rows.map((r) => ({
      idNumberHash: hashIdNumber(r.idNumber, pepper),
      name: r.name,
      school: r.school,
    }));
    const staff = await this.records.replaceRoster(roster);
    const found = newlyDetected(staff, roster);
    await this.licenses.reportInService(found, origin);
    return { teachers: roster.length, detected: found.length };
  }
}
