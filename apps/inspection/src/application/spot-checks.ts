import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { InspectionRuleViolated } from '../domain/errors';
import { InspectionState, scheduleInspection } from '../domain/inspection';
import { assertJurisdiction } from '../domain/official';
import { drawSpotCheck, eligiblePool, publishSpotCheck, SpotCheckState } from '../domain/spot-check';
import { Change, InspectionRulesSource, InspectionStore, RULES, STORE } from './ports';
import { applyEvents, Ctx, decideOn } from './support';
import { CLOCK_TOKEN } from './tokens';

export interface DrawOrder {
  name: string;
  /** Where to draw; defaults to the planner's own jurisdiction. */
  jurisdiction?: string;
  /** Published with the result; a random one is chosen when absent. */
  seed?: string;
  count?: number;
  districts?: string[];
  categories?: string[];
  scheduledFor: string;
}

/** The planner draws a random spot check (双随机): institutions from the pool, inspectors from the roster. */
export class DrawSpotCheckCommand extends Command<SpotCheckState> {
  constructor(
    readonly order: DrawOrder,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** Results are published (一公开) once every drawn inspection has closed. */
export class PublishSpotCheckCommand extends Command<SpotCheckState> {
  constructor(
    readonly spotCheckId: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

@CommandHandler(DrawSpotCheckCommand)
export class DrawSpotCheckHandler implements ICommandHandler<DrawSpotCheckCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ order, ctx }: DrawSpotCheckCommand) {
    const jurisdiction = order.jurisdiction ?? ctx.by.jurisdiction;
    assertJurisdiction(ctx.by, jurisdiction);
    const now = this.clock.now();
    const today = chinaDate(now);
    if (order.scheduledFor < today)
      throw new InspectionRuleViolated('a spot check is scheduled for today or later', {
        field: 'scheduledFor',
        rule: 'not in the past',
      });
    const rules = this.rules.forDistrict(jurisdiction, now);
    const input = {
      pool: eligiblePool(await this.store.pool(jurisdiction), { today, filters: {} }),
      roster: await this.store.roster(jurisdiction),
      request: {
        seed: order.seed ?? randomBytes(16).toString('hex'),
        today,
        ratio: rules.spotCheckRatio,
        ...(order.count ? { count: order.count } : {}),
        minInspectors: rules.minInspectors,
        filters: {
          ...(order.districts ? { districts: order.districts } : {}),
          ...(order.categories ? { categories: order.categories } : {}),
        },
      },
    };
    const draw = drawSpotCheck(input.pool, input.roster, input.request);
    const id = newId();
    const changes: Change[] = [];
    const inspections = draw.picks.map((pick) => {
      const lead: InspectionState = {
        id: newId(),
        subject: {
          institutionId: pick.institutionId,
          licenseId: pick.licenseId,
          name: pick.name,
          district: pick.district,
        },
        trigger: { kind: 'spot-check', spotCheckId: id },
        status: 'to-schedule',
        inspectors: [],
        checklist: [],
        violationIds: [],
        version: 0,
      };
      const minInspectors = rules.minInspectors;
      changes.push(
        applyEvents(
          'inspection',
          lead,
          scheduleInspection(lead, pick.inspectors, order.scheduledFor, minInspectors, today),
        ).change,
      );
      return { institutionId: pick.institutionId, inspectionId: lead.id };
    });
    const spotCheck: SpotCheckState = {
      id,
      name: order.name,
      jurisdiction,
      draw,
      input,
      inspections,
      drawnBy: ctx.by.userId,
      drawnOn: today,
      status: 'drawn',
      version: 0,
    };
    const drawn = applyEvents('spot-check', spotCheck, [{ type: 'SpotCheckDrawn' }]);
    // The draw first, so its event precedes the inspections it scheduled.
    await this.store.commit([drawn.change, ...changes], ctx.origin);
    return drawn.next;
  }
}

@CommandHandler(PublishSpotCheckCommand)
export class PublishSpotCheckHandler implements ICommandHandler<PublishSpotCheckCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ spotCheckId, ctx }: PublishSpotCheckCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(this.store, 'spot-check', spotCheckId, ctx, async (s) => {
      const inspections = (await this.store.inspectionsOf(spotCheckId)).map((i) => ({
        institutionId: i.subject.institutionId,
        status: i.status,
        result: i.result,
      }));
      return publishSpotCheck(s, inspections, today);
    });
  }
}

export const spotCheckHandlers = [DrawSpotCheckHandler, PublishSpotCheckHandler];
