import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SweepOverdueRectificationsCommand } from './rectifications';

/** Escalates overdue rectification orders on a timer (INSPECTION_SWEEP_MS, default hourly; 0 turns it off). */
@Injectable()
export class OverdueSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly commands: CommandBus) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.INSPECTION_SWEEP_MS ?? 3_600_000);
    if (every > 0)
      this.timer = setInterval(
        () =>
          void this.commands
            .execute(new SweepOverdueRectificationsCommand('overdue-sweep'))
            .catch(() => undefined),
        every,
      );
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
