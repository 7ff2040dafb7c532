import { Injectable } from '@nestjs/common';
import { EventOrigin } from '@otr/contracts';
import { Money, newId } from '@otr/kernel';
import { FeeRecordNotFound, reserveDeposited } from '../domain';
import { FeesContext } from './fees-context';
import { RiskMonitor } from './risk-monitor';

/**
 * The risk reserve (风险保证金) an institution under risk-reserve supervision puts up at the
 * custodian bank: each deposit the bank confirms is booked once (keyed by the bank's reference),
 * and the risk rules run again, which publishes the reserve's standing when it changed.
 */
@Injectable()
export class RiskReserve {
  constructor(
    private readonly fees: FeesContext,
    private readonly risk: RiskMonitor,
  ) {}

  /** Books a confirmed deposit; false when the bank's reference was booked already. */
  async deposit(
    institutionId: string,
    deposit: { amountFen: number; bankReference: string },
    origin: EventOrigin,
  ): Promise<boolean> {
    const booked = await this.fees.transaction(async (tx) => {
      const account = await this.fees.account(tx, institutionId);
      if (account.mode !== 'risk-reserve') {
        throw new FeeRecordNotFound('risk-reserve account of institution', institutionId);
      }
      const id = newId();
      return this.fees.ledger.append(
        tx,
        institutionId,
        reserveDeposited(Money.fen(deposit.amountFen), {
          id,
          idempotencyKey: `reserve:${deposit.bankReference}`,
          on: this.fees.today(),
        }),
      );
    });
    if (booked) await this.risk.evaluate(institutionId, origin);
    return booked;
  }
}
