import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { canRead, coversJurisdiction, CurrentPrincipal, Department, Principal, Roles } from '@otr/auth';
import { IsoDate } from '@otr/contracts';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { InspectionStore, STORE } from '../application/ports';
import { DrawSpotCheckCommand, PublishSpotCheckCommand } from '../application/spot-checks';
import { NotAllowed } from '../domain/errors';
import { InspectionState } from '../domain/inspection';
import { PoolEntry, replayMatches, RosterInspector, SpotCheckState } from '../domain/spot-check';
import { ctxOf, READERS, RecordReads } from './http';

const Jurisdiction = z.string().regex(/^CN(-[A-Z0-9]+){0,3}$/, 'a jurisdiction code like CN-ZJ-HZ-XH');
const Draw = z
  .object({
    name: z.string().trim().min(2).max(200),
    jurisdiction: Jurisdiction.optional(),
    seed: z.string().trim().min(1).max(200).optional(),
    count: z.number().int().min(1).max(500).optional(),
    districts: z.array(Jurisdiction).max(20).optional(),
    categories: z
      .array(z.enum(['subject', 'sports', 'arts', 'science-tech']))
      .max(4)
      .optional(),
    scheduledFor: IsoDate,
  })
  .meta({
    examples: [
      {
        name: '2026 年第一季度西湖区校外培训机构双随机抽查',
        jurisdiction: 'CN-ZJ-HZ-XH',
        seed: '2026Q1-西湖区-公开摇号',
        count: 5,
        categories: ['subject'],
        scheduledFor: '2026-03-16',
      },
    ],
  });
type DrawInput = z.infer<typeof Draw>;

/** Random spot checks (双随机一公开): draw, re-run, publish. */
@Controller('spot-checks')
export class SpotChecksController extends RecordReads('spot-check', READERS) {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  @Post()
  @Roles('spot-check-planner')
  @Returns(SpotCheckState)
  draw(@Body(new ZodPipe(Draw)) body: DrawInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new DrawSpotCheckCommand(body, ctxOf(p)));
  }

  /** A draw lies in the jurisdiction it was drawn in, not in one institution's district. */
  private async loadVisible(id: string, p: Principal) {
    const s = await this.store.load('spot-check', id);
    if (!canRead(p, 'spot-check', { district: s.jurisdiction }))
      throw new NotAllowed('outside your jurisdiction');
    return s;
  }

  @Get(':id')
  @Roles(...READERS)
  @Returns(
    SpotCheckState.extend({
      inspectionStates: z
        .array(InspectionState)
        .describe('The inspections of the drawn institutions, as they stand.'),
    }),
  )
  override async get(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const s = await this.loadVisible(id, p);
    return { ...s, inspectionStates: await this.store.inspectionsOf(id) };
  }

  /** Re-runs the draw from its kept input: an official over it checks it gives the published result. */
  @Get(':id/replay')
  @Roles(...READERS)
  @Returns(
    z.object({
      seed: z.string(),
      algorithm: z.string(),
      inputDigest: z.string(),
      matches: z.boolean().describe('True when re-running the kept input gives the published draw.'),
    }),
  )
  async replay(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const s = await this.loadVisible(id, p);
    return {
      seed: s.draw.seed,
      algorithm: s.draw.algorithm,
      inputDigest: s.draw.inputDigest,
      matches: replayMatches(s),
    };
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('spot-check-planner')
  @Returns(SpotCheckState)
  publish(@Param('id', new UuidPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new PublishSpotCheckCommand(id, ctxOf(p)));
  }
}

const RosterEntry = z.object({
  name: z.string().trim().min(1).max(100),
  department: Department,
  jurisdiction: Jurisdiction,
  conflicts: z.array(z.string().min(1)).max(200).default([]),
  active: z.boolean().default(true),
});
type RosterEntryInput = z.infer<typeof RosterEntry>;

/** The inspector roster (执法检查人员名录) the draws pick from, with declared conflicts of interest. */
@Controller('roster')
export class RosterController {
  constructor(@Inject(STORE) private readonly store: InspectionStore) {}

  @Get()
  @Roles('spot-check-planner', 'approver', 'inspector', 'administrator')
  @Returns(z.object({ items: z.array(RosterInspector), total: z.number().int() }))
  async list(@CurrentPrincipal() p: Principal) {
    const items = await this.store.roster(p.jurisdiction);
    return { items, total: items.length };
  }

  @Put(':userId')
  @Roles('spot-check-planner', 'approver', 'administrator')
  @Returns(RosterInspector.extend({ active: z.boolean() }))
  async put(
    @Param('userId') userId: string,
    @Body(new ZodPipe(RosterEntry)) body: RosterEntryInput,
    @CurrentPrincipal() p: Principal,
  ) {
    if (!coversJurisdiction(p, body.jurisdiction))
      throw new NotAllowed(`${body.jurisdiction} is outside your jurisdiction`, { field: 'jurisdiction' });
    // Nor may an entry of another jurisdiction be taken over (moved, or its conflicts rewritten).
    const current = await this.store.rosterJurisdiction(userId);
    if (current && !coversJurisdiction(p, current))
      throw new NotAllowed(`${userId} is on the roster of ${current}, outside your jurisdiction`, {
        field: 'userId',
      });
    await this.store.saveInspector({ userId, ...body });
    return { userId, ...body };
  }
}

/** The pool of licensed institutions in the caller's jurisdiction (who may be drawn, who is exempt). */
@Controller('pool')
export class PoolController {
  constructor(@Inject(STORE) private readonly store: InspectionStore) {}

  @Get()
  @Roles(...READERS)
  @Returns(
    z.object({
      items: z.array(PoolEntry),
      total: z.number().int(),
    }),
  )
  async list(@CurrentPrincipal() p: Principal) {
    const items = await this.store.pool(p.jurisdiction);
    return { items, total: items.length };
  }
}
