import { createHash, randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { addDays, chinaDate, Clock, newId } from '@otr/kernel';
import { BlobStore } from '@otr/storage';
import { RuleNotFound } from '@otr/rules';
import {
  attachDuplicate,
  emptyComplaint,
  fileComplaint,
  markDuplicate,
  replay,
  route,
  Subject,
  subjectKey,
} from '../../domain/complaint';
import { ComplaintRuleViolated, IdempotencyKeyReused, UnknownInstitution } from '../../domain/errors';
import { checkEvidence, EvidenceFile, evidenceLimitsFor } from '../../domain/evidence';
import { duplicateOf } from '../../domain/patterns';
import { identifiedComplainant } from '../../domain/privacy';
import { Complainant } from '../../domain/vocabulary';
import { Actor } from '../../domain/vocabulary';
import {
  Change,
  ComplaintRepository,
  ComplaintRulesSource,
  IdentitySealer,
  InstitutionRegister,
  IntakeExtras,
} from '../ports';
import { CLOCK_TOKEN, COMPLAINT_RULES, COMPLAINTS, EVIDENCE, INSTITUTIONS, VAULT } from '../tokens';
import { ComplaintForm, EvidenceUpload, FileComplaintCommand, FiledReceipt } from './file-complaint.command';

const SYSTEM: Actor = { kind: 'system' };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Intake (受理) and dispatch (派单) in one transaction: the complaint is accepted, routed to its
 * district, and folded into an open one if it repeats it. A retried submission with the same
 * Idempotency-Key gets the first receipt back. Evidence files are stored by hash first, so a
 * complaint never points at nothing; a refusal after that deletes the files this intake stored
 * (not those some earlier record already had).
 */
@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(INSTITUTIONS) private readonly institutions: InstitutionRegister,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(VAULT) private readonly vault: IdentitySealer,
    @Inject(EVIDENCE) private readonly blobs: BlobStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute(cmd: FileComplaintCommand): Promise<FiledReceipt> {
    const { idempotencyKey: key, evidence = [] } = cmd.intake;
    const files = evidence.map((f) => sha256(f.content));
    const requestHash = sha256(Buffer.from(JSON.stringify({ form: cmd.form, files })));
    if (key) {
      const earlier = await this.replayed(key, requestHash);
      if (earlier) return earlier;
    }
    const created: string[] = [];
    try {
      return await this.file(cmd, requestHash, await this.store(evidence, !cmd.form.contact, created));
    } catch (error) {
      // Two identical submissions racing: the second loses on the key and returns the first's receipt.
      const earlier = key && (await this.replayed(key, requestHash));
      if (earlier) return earlier;
      // A refused complaint keeps no evidence: the files this intake stored go with it.
      await this.discard(created);
      throw error;
    }
  }

  /**
   * Each file checked against the evidence policy (size, type by its magic bytes) and stored by
   * hash; `created` collects the files that were not stored before, the ones a refusal removes.
   */
  private async store(
    uploads: EvidenceUpload[],
    anonymous: boolean,
    created: string[],
  ): Promise<EvidenceFile[]> {
    // Count and total size first, so a complaint refused for them stores nothing.
    checkEvidence(
      uploads.map((u) => ({ sha256: sha256(u.content), contentType: u.contentType, size: u.content.length })),
      evidenceLimitsFor(anonymous),
    );
    const stored: EvidenceFile[] = [];
    for (const u of uploads) {
      const known = await this.blobs.has(sha256(u.content));
      const blob = await this.blobs.put(u.content, { contentType: u.contentType, field: 'evidence' });
      if (!known && !created.includes(blob.sha256)) created.push(blob.sha256);
      stored.push({ sha256: blob.sha256, contentType: blob.contentType, size: blob.size });
    }
    return stored;
  }

  /**
   * The district's complaint rules on the day received. A work order received on a day no rules
   * were in force (before the rulebook begins) is the caller’s mistake, named as such (a 500 before); without a
   * receivedAt it is a gap in the rulebook.
   */
  private rulesOn(district: string, at: Date, given: boolean) {
    try {
      return this.rules.forDistrict(district, at);
    } catch (error) {
      if (!given || !(error instanceof RuleNotFound)) throw error;
      throw new ComplaintRuleViolated('no complaint rules were in force on the day received', {
        field: 'receivedAt',
        rule: 'received on a day the complaint rules were in force',
      });
    }
  }

  /** Removes files stored for a refused complaint; one that cannot be removed stays, unreferenced. */
  private async discard(created: string[]): Promise<void> {
    for (const hash of created) await this.blobs.delete(hash).catch(() => undefined);
  }

  private async file(
    cmd: FileComplaintCommand,
    requestHash: string,
    evidence: EvidenceFile[],
  ): Promise<FiledReceipt> {
    const { idempotencyKey, receivedAt, intakeSystem } = cmd.intake;
    const now = this.clock.now();
    if (receivedAt && receivedAt > now) {
      throw new ComplaintRuleViolated('a complaint cannot be received in the future', {
        field: 'receivedAt',
        rule: 'received no later than now',
      });
    }
    const at = receivedAt ?? now;
    const subject = await this.subjectOf(cmd.form.subject);
    const { complainant, identity } = this.complainantOf(cmd.form.contact);
    const ctx = this.rulesOn(subject.district, at, receivedAt !== undefined);
    const id = newId();
    const filed = fileComplaint(
      {
        id,
        kind: cmd.form.kind,
        category: cmd.form.category,
        channel: cmd.channel,
        subject,
        complainant,
        description: cmd.form.description,
        evidence,
        ...(cmd.form.location ? { location: cmd.form.location } : {}),
        ...(intakeSystem ? { intakeSystem } : {}),
        at,
        by: cmd.by,
      },
      { random: randomBytes, clock: ctx.clock },
    );
    const accepted = replay(filed.events);
    const events = [...filed.events];
    const changes: Change[] = [];
    const since = new Date(`${addDays(chinaDate(at), -ctx.rules.duplicateWindowDays.value)}T00:00:00+08:00`);
    const earlier = await this.complaints.earlierAbout(subjectKey(subject), since);
    const into = duplicateOf(
      { complainant, category: cmd.form.category, at },
      earlier,
      ctx.rules.duplicateWindowDays.value,
    );
    if (into) {
      // A repeat is not dispatched again: it joins the first complaint's work order.
      const target = await this.complaints.load(into);
      events.push(...markDuplicate(accepted, { into: target.state, at, by: SYSTEM }));
      const attached = attachDuplicate(target.state, { duplicateId: id, at, by: SYSTEM });
      changes.push({ before: target.state, version: target.version, events: attached });
    } else {
      events.push(...route(accepted, { table: ctx.routes, at, by: SYSTEM }, ctx.clock));
    }
    changes.unshift({ before: emptyComplaint(), version: 0, events });

    const receipt: FiledReceipt = {
      complaintId: id,
      trackingNumber: filed.trackingNumber,
      accessCode: filed.accessCode,
      ...(into ? { mergedInto: into } : {}),
    };
    const intake: IntakeExtras = {
      ...(identity ? { identity } : {}),
      ...(idempotencyKey
        ? { idempotency: { key: idempotencyKey, requestHash, receipt: this.vault.seal(receipt) } }
        : {}),
    };
    await this.complaints.save(changes, cmd.origin, intake);
    return receipt;
  }

  private async replayed(key: string, requestHash: string): Promise<FiledReceipt | undefined> {
    const earlier = await this.complaints.intakeRequest(key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReused();
    return this.vault.open<FiledReceipt>(earlier.receipt);
  }

  private async subjectOf(input: ComplaintForm['subject']): Promise<Subject> {
    if ('licenseId' in input || 'institutionId' in input) {
      const found =
        'licenseId' in input
          ? await this.institutions.byLicense(input.licenseId)
          : await this.institutions.byInstitution(input.institutionId);
      if (!found) throw new UnknownInstitution(input);
      return {
        kind: 'licensed',
        institutionId: found.institutionId,
        licenseId: found.licenseId,
        name: found.name,
        district: found.district,
      };
    }
    return { kind: 'unlicensed', ...input };
  }

  /** The identity is sealed here and never reaches the domain, the events or the logs in clear. */
  private complainantOf(contact: ComplaintForm['contact']): {
    complainant: Complainant;
    identity?: IntakeExtras['identity'];
  } {
    if (!contact) return { complainant: { anonymous: true } };
    const identity = { id: newId(), sealed: this.vault.seal(contact), keyId: this.vault.keyId };
    return {
      complainant: identifiedComplainant(contact, identity.id, this.vault.phoneHash(contact.phone)),
      identity,
    };
  }
}
