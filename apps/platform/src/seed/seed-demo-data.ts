import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { EventOrigin, SYSTEM_ACTOR } from '@otr/contracts';
import { createGatewayPrisma, seedDemoUsers } from '@otr/gateway';
import { createPool, RunningService } from '@otr/runtime';
import {
  ApplicationForm,
  ApproveApplicationCommand,
  AttachDocumentCommand,
  FileLicenseRequestCommand,
  FileStaffCommand,
  ImportRosterCommand,
  competentDepartment,
  CountApplicationsQuery,
  RecordSiteVisitCommand,
  RequestOpinionCommand,
  SubmitApplicationCommand,
} from '@otr/registration';
import { demoDistricts } from './districts';
import { demoApplications } from './demo-institutions';

/** A tiny PDF standing for each document of the demo applications. */
const demoPdf = (kind: string) =>
  Buffer.from(
    `%PDF-1.7\n% OTR demo: ${kind}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/**
 * What the rulebook's national licensing.approvalRequirements asks before approval: the legal
 * representative's identity, the venue lease and fire-safety acceptance, a conforming site visit.
 */
async function readyForDecision(
  commands: CommandBus,
  applicationId: string,
  form: ApplicationForm,
  origin: EventOrigin,
  by: { department: string; jurisdiction: string },
) {
  const onSite = form.scopes.includes('offline');
  const kinds: ('legal-representative-id' | 'venue-lease' | 'fire-safety-acceptance')[] = [
    'legal-representative-id',
    ...(onSite ? (['venue-lease', 'fire-safety-acceptance'] as const) : []),
  ];
  for (const kind of kinds)
    await commands.execute(
      new AttachDocumentCommand(
        applicationId,
        kind,
        { content: demoPdf(kind), contentType: 'application/pdf', filename: `${kind}.pdf` },
        origin,
      ),
    );
  if (onSite)
    await commands.execute(
      new RecordSiteVisitCommand(
        applicationId,
        {
          visitedOn: new Date().toISOString().slice(0, 10),
          conforms: true,
          findings: '场地与消防通道与申报一致',
        },
        origin,
        by,
      ),
    );
}

/**
 * Demo data through the real command path: applications are submitted and approved by the
 * registration service, and the directory learns of them only from the events. Runs once.
 */
export async function seedDemoData(
  services: Record<string, RunningService>,
  opts: { institutions: number; databaseUrl: string; log: Logger },
): Promise<void> {
  const registration = services.registration.app;
  if ((await registration.get(QueryBus).execute(new CountApplicationsQuery())) > 0) return;
  const commands = registration.get(CommandBus);
  const origin = { actor: { ...SYSTEM_ACTOR, userId: 'demo-seed' }, correlationId: 'demo-seed' };
  // operator.demo runs the first institution licensed in 西湖区, where the demo officials work.
  let demoOperated: { institutionId: string; licenseId: string; category: string } | undefined;
  for (const form of demoApplications(opts.institutions, demoDistricts())) {
    const { applicationId, institutionId } = await commands.execute(
      new SubmitApplicationCommand(form, origin),
    );
    const by = { department: competentDepartment(form.category), jurisdiction: 'CN-ZJ-HZ' };
    await readyForDecision(
      commands,
      applicationId,
      form,
      { ...origin, actor: { ...origin.actor, department: by.department } },
      by,
    );
    const { licenseId } = await commands.execute(
      new ApproveApplicationCommand(
        applicationId,
        { ...origin, actor: { ...origin.actor, department: by.department } },
        by,
      ),
    );
    if (!demoOperated && form.district === 'CN-ZJ-HZ-XH') {
      demoOperated = { institutionId, licenseId, category: form.category };
    }
  }
  if (demoOperated) await seedLicenseFile(commands, demoOperated);
  // Work waiting in 西湖区: applications to decide, two of them with the fire department's opinion pending.
  const xihu = demoDistricts().filter((d) => d.code === 'CN-ZJ-HZ-XH');
  for (const [i, form] of demoApplications(12, xihu, 20261123).entries()) {
    const { applicationId } = await commands.execute(new SubmitApplicationCommand(form, origin));
    const by = { department: competentDepartment(form.category), jurisdiction: 'CN-ZJ-HZ-XH' };
    // Materials filed and the site visited: the demo approvers can decide (licensing.approvalRequirements).
    await readyForDecision(
      commands,
      applicationId,
      form,
      { ...origin, actor: { ...origin.actor, department: by.department } },
      by,
    );
    if (i < 2) {
      await commands.execute(
        new RequestOpinionCommand(
          applicationId,
          'fire',
          { ...origin, actor: { ...origin.actor, department: by.department } },
          by,
        ),
      );
    }
  }
  const pool = createPool(opts.databaseUrl, 2);
  try {
    await seedDemoUsers(createGatewayPrisma(pool), demoOperated?.institutionId);
  } finally {
    await pool.end();
  }
  opts.log.info({ institutions: opts.institutions }, 'demo data seeded');
}

/**
 * The demo operator's license at work: a teacher filed and then found on the in-service roster
 * (reported to inspection), and a change of address waiting for the approver in 西湖区.
 */
async function seedLicenseFile(
  commands: CommandBus,
  operated: { institutionId: string; licenseId: string; category: string },
): Promise<void> {
  const operator = {
    actor: { userId: 'operator.demo', role: 'institution-operator' },
    correlationId: 'demo-seed',
  };
  const by = { institutionId: operated.institutionId };
  const certificate = {
    sports: 'sports-coach',
    arts: 'arts-professional',
    'science-tech': 'science-professional',
    subject: 'teacher-qualification',
  }[operated.category] as 'sports-coach';
  await commands.execute(
    new FileStaffCommand(
      operated.licenseId,
      {
        name: '沈立',
        idNumber: '330106198803150026',
        role: 'teacher',
        certificate: { kind: certificate, number: 'ZS20260315' },
      },
      operator,
      by,
    ),
  );
  await commands.execute(
    new ImportRosterCommand(
      [
        { name: '沈立', idNumber: '330106198803150026', school: '杭州市文三街小学' },
        { name: '陶然', idNumber: '330106197905060043', school: '杭州市保俶塔实验学校' },
      ],
      { actor: { userId: 'admin', role: 'administrator' }, correlationId: 'demo-seed' },
    ),
  );
  await commands.execute(
    new FileLicenseRequestCommand(
      operated.licenseId,
      { kind: 'change', changes: { address: '浙江省杭州市西湖区文三路398号2楼' } },
      operator,
      by,
    ),
  );
}
