import { Inject, Injectable } from '@nestjs/common';
import {
  createEvent,
  EventDefinition,
  EventOrigin,
  PayloadOf,
  PaymentReceived,
  SYSTEM_ACTOR,
} from '@otr/contracts';
import { chinaDate, Clock, loadChinaCalendar, WorkingDayCalendar } from '@otr/kernel';
import { Outbox, SqlClient, StagedEvents } from '@otr/messaging';
import { FeeRecordNotFound, FeeRules, OrderPosition } from '../domain';
import {
  CLOCK_TOKEN,
  FEE_ROWS,
  FEE_RULES,
  FeeOrder,
  FeeRows,
  FeeRulesSource,
  LEDGER,
  Ledger,
  Lesson,
  MoneyTarget,
  RefundRequestRecord,
  SupervisedAccount,
  Tx,
  UNIT_OF_WORK,
  UnitOfWork,
} from './ports';

export const FEES_OUTBOX = Symbol('FeesOutbox');
export const FEES_LOG = Symbol('FeesLog');

export const systemOrigin = (what: string, causationId?: string): EventOrigin => ({
  actor: { ...SYSTEM_ACTOR, userId: `fee-supervision:${what}` },
  correlationId: causationId ?? `fee-supervision:${what}`,
  ...(causationId ? { causationId } : {}),
});

/**
 * What every use case of the service shares: its unit of work, the ledger, the outbox, the rulebook
 * for an institution's district, the working-day calendar and the clock.
 */
@Injectable()
export class FeesContext {
  readonly calendar: WorkingDayCalendar = loadChinaCalendar();

  constructor(
    @Inject(UNIT_OF_WORK) private readonly work: UnitOfWork,
    @Inject(FEES_OUTBOX) readonly outbox: Outbox,
    @Inject(FEE_ROWS) readonly rows: FeeRows,
    @Inject(LEDGER) readonly ledger: Ledger,
    @Inject(FEE_RULES) private readonly rulesSource: FeeRulesSource,
    @Inject(CLOCK_TOKEN) readonly clock: Clock,
  ) {}

  /** Today in Beijing. */
  today(): string {
    return chinaDate(this.clock.now());
  }

  rulesFor(account: Pick<SupervisedAccount, 'district'>, on: string = this.today()): FeeRules {
    return this.rulesSource.forDistrict(account.district, on);
  }

  /** These writes and their outbox rows in one transaction (see UnitOfWork). */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.work.transaction(fn);
  }

  /** The store outside any transaction, for reads of the ledger that need no lock. */
  get db(): SqlClient {
    return this.work.db;
  }

  /**
   * A transaction that moves one order's money, in plain SQL on a pg connection of the service's
   * pool (a fraction of a Prisma interactive transaction's cost). BEGIN, the order's row lock and
   * what the move reads after it — the order, its account, its position on the ledger, the lesson
   * or refund it was reached by — take one round trip. Writers of one order's money go one at a time.
   */
  async onOrder<T extends MoneyTarget, R>(
    target: T,
    fn: (tx: SqlClient, locked: LockedOrder<T>) => Promise<R>,
  ): Promise<R> {
    const [what, id] =
      'lessonId' in target
        ? ['lesson', target.lessonId]
        : 'refundId' in target
          ? ['refund request', target.refundId]
          : ['order', target.orderId];
    const moved = this.rows.onOrder(target, async (tx, { order, account, position, lesson, refund }) => {
      if (!order || ('lessonId' in target && !lesson) || ('refundId' in target && !refund))
        throw new FeeRecordNotFound(what, id);
      if (!account) throw new FeeRecordNotFound('supervised account of institution', order.institutionId);
      return fn(tx, { order, account, position: position!, lesson, refund } as LockedOrder<T>);
    });
    if (!moved) throw new FeeRecordNotFound(what, id);
    return moved;
  }

  async account(db: SqlClient, institutionId: string): Promise<SupervisedAccount> {
    const account = await this.rows.account(db, institutionId);
    if (!account) throw new FeeRecordNotFound('supervised account of institution', institutionId);
    return account;
  }

  /** Appends integration events of one institution to the outbox, in the caller's transaction. */
  emit<D extends EventDefinition>(
    tx: SqlClient,
    def: D,
    account: Pick<SupervisedAccount, 'institutionId'>,
    aggregateId: string,
    payload: PayloadOf<D>,
    origin: EventOrigin,
  ): Promise<void> {
    return this.outbox.append(tx, [this.event(def, account, aggregateId, payload, origin)]);
  }

  /** The order is paid: its status and PaymentReceived, in the transaction that booked the money. */
  async orderPaid(
    tx: SqlClient,
    account: Pick<SupervisedAccount, 'institutionId' | 'licenseId'>,
    orderId: string,
    payment: { amountFen: number; paidOn: string; bankReference: string },
    origin: EventOrigin,
  ): Promise<void> {
    await this.rows.update(tx, 'fee_order', orderId, { status: 'paid' });
    await this.emit(
      tx,
      PaymentReceived,
      account,
      orderId,
      { orderId, licenseId: account.licenseId, ...payment },
      origin,
    );
  }

  /** An event of one institution, validated, to be written by the caller's own statement (see Outbox.stage). */
  stage<D extends EventDefinition>(
    def: D,
    account: Pick<SupervisedAccount, 'institutionId'>,
    aggregateId: string,
    payload: PayloadOf<D>,
    origin: EventOrigin,
  ): StagedEvents {
    return this.outbox.stage([this.event(def, account, aggregateId, payload, origin)]);
  }

  private event<D extends EventDefinition>(
    def: D,
    account: Pick<SupervisedAccount, 'institutionId'>,
    aggregateId: string,
    payload: PayloadOf<D>,
    origin: EventOrigin,
  ) {
    return createEvent(def, {
      aggregateId,
      institutionId: account.institutionId,
      payload,
      ...origin,
      occurredAt: this.clock.now(),
    });
  }
}

/** An order locked for a money move, with what was read after the lock (see onOrder). */
export type LockedOrder<T extends MoneyTarget = { orderId: string }> = {
  order: FeeOrder;
  account: SupervisedAccount;
  /** What the order still holds, read off the ledger. */
  position: OrderPosition;
} & (T extends { lessonId: string } ? { lesson: Lesson } : unknown) &
  (T extends { refundId: string } ? { refund: RefundRequestRecord } : unknown);

/** A stored DATE (a UTC-midnight Date) as 'YYYY-MM-DD'. */
export const day = (d: Date): string => d.toISOString().slice(0, 10);
