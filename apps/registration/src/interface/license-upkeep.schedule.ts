import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LicenseUpkeep } from '../application/upkeep/license-upkeep';

/**
 * Runs the license upkeep shortly after start and then every REGISTRATION_UPKEEP_MS (an hour by
 * default; 0 turns it off, as the tests do to drive it themselves). It is idempotent, so
 * instances running it at once report nothing twice.
 */
@Injectable()
export class LicenseUpkeepSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LicenseUpkeep');
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly upkeep: LicenseUpkeep) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.REGISTRATION_UPKEEP_MS ?? 3_600_000);
    if (!every) return;
    const run = () =>
      this.upkeep.run().then(
        (done) => this.log.log(done),
        (error: unknown) => this.log.error(error),
      );
    this.timers = [setTimeout(run, 5_000), setInterval(run, every)];
    for (const t of this.timers) t.unref();
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}
