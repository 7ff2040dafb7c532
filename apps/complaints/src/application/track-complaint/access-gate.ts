import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@otr/kernel';
import { verifyAccessCode } from '../../domain/access-code';
import { TrackingAccessDenied } from '../../domain/errors';
import { ComplaintRepository, Loaded } from '../ports';
import { CLOCK_TOKEN, COMPLAINTS } from '../tokens';

/** Wrong codes in a row before tracking a number is locked, and for how long: guessing 40 bits stays hopeless. */
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;

/** The complainant's way in: tracking number plus access code, with guesses limited per number. */
@Injectable()
export class AccessGate {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async open(trackingNumber: string, code: string | undefined): Promise<Loaded> {
    const access = await this.complaints.accessOf(trackingNumber);
    const now = this.clock.now();
    if (!access || !code || (access.lockedUntil && access.lockedUntil > now))
      throw new TrackingAccessDenied();
    if (!verifyAccessCode(code, access.accessCodeHash)) {
      const locks = access.failures + 1 >= MAX_FAILURES;
      await this.complaints.recordAccess(access.id, {
        ok: false,
        ...(locks ? { lockUntil: new Date(now.getTime() + LOCK_MS) } : {}),
      });
      throw new TrackingAccessDenied();
    }
    if (access.failures > 0) await this.complaints.recordAccess(access.id, { ok: true });
    return this.complaints.load(access.id);
  }
}
