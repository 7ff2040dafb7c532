import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventOrigin, OrderPlaced, OrderRefused } from '@otr/contracts';
import { DomainError, Money, newId } from '@otr/kernel';
import {
  totalHours,
  Charge,
  checkCharge,
  FeeRecordNotFound,
  FeeRuleViolated,
  InstitutionCategory,
  NotYours,
  OpenOrder,
  OrdersFrozen,
  TeachingMode,
} from '../domain';
import { day, FeesContext } from './fees-context';
import { FeeOrder, ORDERS, OrderRepository, SupervisedAccount, Tx } from './ports';

export interface PlaceOrderInput {
  courseId: string;
  familyPhone: string;
  studentName: string;
  /** Paid class hours. */
  hours: number;
  giftHours?: number;
  months?: number;
  classSize?: number;
  amountFen: number;
  courseStartsOn: string;
  payment: { into: 'supervised-account' | 'other-account'; method: 'direct' | 'training-loan' };
}

/** The institution takes a charge (一次收费) from a family for a filed course. */
export class PlaceOrderCommand extends Command<{
  orderId: string;
  status: string;
  amountFen: number;
  payInto: string;
}> {
  constructor(
    readonly institutionId: string,
    readonly input: PlaceOrderInput,
    readonly origin: EventOrigin,
  ) {
    super();
  }
}

const PREPAID = '教监管函〔2021〕2号 (预收费监管)';

/** Why an institution may not take new orders now, if it may not. */
export function freezeReason(a: SupervisedAccount): string | undefined {
  if (a.license !== 'active') return `license ${a.license}`;
  if (a.enrollingStopped) return 'enrolment stopped by a penalty decision (责令停止招生)';
  if (a.blacklisted) return 'institution on the black list (黑名单)';
  return undefined;
}

/** A family's orders with an institution in a subject that still hold untaught hours, as the caps see them. */
@Injectable()
export class OpenOrders {
  constructor(
    private readonly fees: FeesContext,
    @Inject(ORDERS) private readonly orders: OrderRepository,
  ) {}

  async of(
    tx: Tx,
    institutionId: string,
    familyId: string,
    studentName: string,
    subject: string,
    today: string,
  ): Promise<OpenOrder[]> {
    const orders = await this.orders.awaitingOrPaid(tx, { institutionId, familyId, studentName, subject });
    const out: OpenOrder[] = [];
    for (const o of orders) {
      const position = await this.fees.ledger.orderPosition(tx, o.id, totalHours(o));
      const taught = await this.fees.rows.hoursTaughtNotReleased(tx, o.id);
      const hoursLeft = position.hoursLeft - taught;
      if (hoursLeft <= 0 && o.status === 'paid') continue;
      out.push({
        orderId: o.id,
        institutionId: o.institutionId,
        studentId: o.studentName,
        subject: o.subject,
        courseStartsOn: day(o.courseStartsOn),
        hoursLeft: Math.max(hoursLeft, 0),
        ...(o.months ? { monthsLeft: monthsLeft(o, today) } : {}),
        // An unpaid order counts with what it will hold once paid.
        escrow: o.status === 'paid' ? position.escrow : Money.fen(Number(o.amountFen)),
      });
    }
    return out;
  }
}

@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand> {
  constructor(
    private readonly fees: FeesContext,
    private readonly openOrders: OpenOrders,
    @Inject(ORDERS) private readonly orders: OrderRepository,
  ) {}

  async execute({ institutionId, input, origin }: PlaceOrderCommand) {
    const account = await this.fees.account(this.fees.db, institutionId);
    const course = await this.orders.course(input.courseId);
    if (!course) throw new FeeRecordNotFound('course', input.courseId);
    if (course.institutionId !== institutionId) throw new NotYours('course');
    const today = this.fees.today();
    const orderId = newId();
    const charge: Charge = {
      orderId,
      institutionId,
      familyId: '',
      studentId: input.studentName,
      subject: course.subject,
      category: account.category as InstitutionCategory,
      mode: course.mode as TeachingMode,
      classSize: input.classSize ?? course.maxClassSize,
      hours: input.hours,
      ...(input.giftHours ? { giftHours: input.giftHours } : {}),
      ...(input.months ? { months: input.months } : {}),
      lessonMinutes: course.lessonMinutes,
      amount: Money.fen(input.amountFen),
      courseStartsOn: input.courseStartsOn,
      payment: input.payment,
    };
    try {
      return await this.fees.transaction(async (tx) => {
        const frozen = freezeReason(account);
        if (frozen) {
          throw new OrdersFrozen(`${account.institutionName} takes no new orders: ${frozen}`, {
            rule: 'a family buys from a licensed institution that may enrol',
            source: PREPAID,
          });
        }
        const family = await this.orders.familyOfPhone(input.familyPhone, tx);
        charge.familyId = family.id;
        // One family, subject and institution at a time, so two concurrent orders cannot both pass the caps.
        await this.orders.lockCharges(
          tx,
          `order-caps:${institutionId}:${family.id}:${input.studentName}:${course.subject}`,
        );
        const open = await this.openOrders.of(
          tx,
          institutionId,
          family.id,
          input.studentName,
          course.subject,
          today,
        );
        checkCharge(charge, open, this.fees.rulesFor(account, today), today);
        await this.orders.place(tx, {
          id: orderId,
          institutionId,
          familyId: family.id,
          studentName: input.studentName,
          courseId: course.id,
          subject: course.subject,
          category: account.category,
          mode: course.mode,
          classSize: charge.classSize,
          hours: input.hours,
          giftHours: input.giftHours ?? 0,
          months: input.months ?? null,
          lessonMinutes: course.lessonMinutes,
          amountFen: BigInt(input.amountFen),
          courseStartsOn: new Date(input.courseStartsOn),
          placedOn: new Date(today),
          status: 'awaiting-payment',
        });
        await this.fees.emit(
          tx,
          OrderPlaced,
          account,
          orderId,
          {
            orderId,
            licenseId: account.licenseId,
            courseId: course.id,
            subject: course.subject,
            hours: input.hours,
            giftHours: input.giftHours ?? 0,
            ...(input.months ? { months: input.months } : {}),
            amountFen: input.amountFen,
            courseStartsOn: input.courseStartsOn,
          },
          origin,
        );
        return {
          orderId,
          status: 'awaiting-payment',
          amountFen: input.amountFen,
          payInto: account.bankAccountNo,
        };
      });
    } catch (error) {
      if (error instanceof FeeRuleViolated)
        await this.refused(account, course.id, input.amountFen, error, origin);
      throw error;
    }
  }

  /** A refusal is a fact inspection may act on: recorded even though the order is not. */
  private async refused(
    account: SupervisedAccount,
    courseId: string,
    amountFen: number,
    error: DomainError,
    origin: EventOrigin,
  ): Promise<void> {
    await this.fees.transaction((tx) =>
      this.fees.emit(
        tx,
        OrderRefused,
        account,
        account.institutionId,
        {
          licenseId: account.licenseId,
          courseId,
          amountFen,
          code: error.code,
          rule: error.citation.rule ?? error.message,
          ...(error.citation.field ? { field: error.citation.field } : {}),
          ...(error.citation.source ? { source: error.citation.source } : {}),
        },
        origin,
      ),
    );
  }
}

/** Whole months of a period charge not yet run: all before the start, then one less per month begun. */
function monthsLeft(o: Pick<FeeOrder, 'months' | 'courseStartsOn'>, today: string): number {
  const start = day(o.courseStartsOn);
  if (today < start) return o.months ?? 0;
  const begun =
    (Number(today.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(start.slice(5, 7)) +
    1;
  return Math.max((o.months ?? 0) - begun, 0);
}
