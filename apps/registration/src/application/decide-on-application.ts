import { Inject, Injectable } from '@nestjs/common';
import { EventOrigin } from '@otr/contracts';
import { ApplicationEvent, ApplicationState, evolve } from '../domain/license-application';
import { APPLICATIONS, ApplicationRepository } from './ports';

/** The shape of every decision on an existing application: load, decide, evolve, save with its events. */
@Injectable()
export class DecideOnApplication {
  constructor(@Inject(APPLICATIONS) private readonly applications: ApplicationRepository) {}

  async run(
    applicationId: string,
    origin: EventOrigin,
    decide: (state: ApplicationState) => ApplicationEvent[] | Promise<ApplicationEvent[]>,
  ) {
    const state = await this.applications.load(applicationId);
    const events = await decide(state);
    const next = events.reduce(evolve, state);
    await this.applications.save(next, events, origin);
    return next;
  }
}
