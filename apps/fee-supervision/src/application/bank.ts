import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventOrigin, ReconciliationMismatch } from '@otr/contracts';
import { newId } from '@otr/kernel';
import { InvalidMoneyTime, LedgerTransaction } from '../domain';
import { FEES_LOG, FeesContext } from './fees-context';
import {
  ACCOUNTS,
  BANK,
  BANK_RECORDS,
  BankRecords,
  BankStatement,
  CustodianBank,
  SupervisedAccount,
  SupervisedAccounts,
} from './ports';
import { RiskMonitor } from './risk-monitor';

export interface Difference {
  reference: string;
  bankFen: number | null;
  ledgerFen: number | null;
}

/** The ledger accounts whose money is in the supervised bank account: escrow, and suspense (待查明款项). */
const AT_THE_BANK = new Set(['escrow', 'suspense']);

/** What a ledger transaction did to the supervised bank account, under the reference the bank knows it by. */
const escrowLine = (tx: LedgerTransaction) => ({
  reference: tx.kind === 'payment' || tx.kind === 'suspense-receipt' ? (tx.ref ?? tx.id) : tx.id,
  amountFen: tx.postings.filter((p) => AT_THE_BANK.has(p.account)).reduce((n, p) => n + p.amount.fen, 0),
});

/** Compares a day's statement with the ledger line by line and by closing balance. */
export function compareStatement(
  statement: BankStatement,
  ledgerDay: readonly LedgerTransaction[],
  ledgerClosingFen: number,
): Difference[] {
  const bank = new Map<string, number>();
  for (const l of statement.lines) bank.set(l.reference, (bank.get(l.reference) ?? 0) + l.amountFen);
  const ledger = new Map<string, number>();
  for (const tx of ledgerDay) {
    const line = escrowLine(tx);
    if (line.amountFen !== 0) ledger.set(line.reference, (ledger.get(line.reference) ?? 0) + line.amountFen);
  }
  const out: Difference[] = [];
  for (const reference of new Set([...bank.keys(), ...ledger.keys()])) {
    const b = bank.get(reference) ?? null;
    // A suspense matched to an order moves nothing at the bank: its line nets to zero.
    const l = ledger.get(reference) || null;
    if (b !== l) out.push({ reference, bankFen: b, ledgerFen: l });
  }
  if (statement.closingBalanceFen !== ledgerClosingFen) {
    out.push({
      reference: 'closing-balance',
      bankFen: statement.closingBalanceFen,
      ledgerFen: ledgerClosingFen,
    });
  }
  return out;
}

/**
 * The custodian bank's side of the ledger: instructions written with their transactions are sent
 * and confirmed, and each day's statement is reconciled against the ledger (mismatch → alert + event).
 */
@Injectable()
export class BankOperations {
  constructor(
    @Inject(FEES_LOG) private readonly log: Logger,
    private readonly fees: FeesContext,
    private readonly risk: RiskMonitor,
    @Inject(BANK) private readonly bank: CustodianBank | null,
    @Inject(BANK_RECORDS) private readonly records: BankRecords,
    @Inject(ACCOUNTS) private readonly accounts: SupervisedAccounts,
  ) {}

  get connected(): boolean {
    return this.bank !== null;
  }

  /** Sends pending release and refund instructions; each is confirmed by the bank's reference. */
  async dispatchInstructions(limit = 200): Promise<number> {
    if (!this.bank) return 0;
    const pending = await this.records.pendingInstructions(limit);
    const accounts = new Map<string, SupervisedAccount>();
    let sent = 0;
    for (const i of pending) {
      const account =
        accounts.get(i.institutionId) ?? (await this.fees.account(this.fees.db, i.institutionId));
      accounts.set(i.institutionId, account);
      const on = await this.records.transactionDate(i.transactionId);
      try {
        const { bankReference } = await this.bank.instruct({
          id: i.id,
          kind: i.kind as 'release' | 'refund',
          accountNo: account.bankAccountNo,
          amountFen: Number(i.amountFen),
          date: on.toISOString().slice(0, 10),
        });
        await this.records.confirmInstruction(i.id, bankReference, this.fees.clock.now());
        sent++;
      } catch (error) {
        this.log.warn({ err: error, instruction: i.id }, 'bank instruction not confirmed yet');
        break;
      }
    }
    return sent;
  }

  /** Reconciles one day's statement for one account, or for every account when none is named. */
  async reconcile(date: string, origin: EventOrigin, institutionId?: string) {
    if (!this.bank) throw new Error('no custodian bank configured (FEES_BANK_URL)');
    // A statement exists only for a day that has begun: a run for 2099 would record a false 'matched'.
    if (date > this.fees.today())
      throw new InvalidMoneyTime(`no statement for ${date} yet`, {
        field: 'date',
        rule: 'a statement is reconciled for a day up to today',
      });
    const accounts = institutionId
      ? [await this.fees.account(this.fees.db, institutionId)]
      : await this.accounts.all();
    const runs = [];
    for (const account of accounts) runs.push(await this.reconcileAccount(account, date, origin));
    return runs;
  }

  /** Every account with no run for `date` yet, each on its own: one bank error does not stop the rest. */
  async reconcileDue(date: string, origin: EventOrigin) {
    if (!this.bank) return [];
    const due = await this.accounts.allExcept(await this.records.reconciledOn(date));
    const runs = [];
    for (const account of due) {
      try {
        runs.push(await this.reconcileAccount(account, date, origin));
      } catch (error) {
        this.log.warn({ err: error, institutionId: account.institutionId, date }, 'reconciliation not run');
      }
    }
    return runs;
  }

  private async reconcileAccount(account: SupervisedAccount, date: string, origin: EventOrigin) {
    const statement = await this.bank!.statement(account.bankAccountNo, date);
    return this.fees.transaction(async (tx) => {
      const ledger = await this.fees.ledger.institutionLedger(tx, account.institutionId, date);
      const held = await this.fees.ledger.balances(tx, account.institutionId, date);
      const closing = held.escrow + held.suspense;
      const differences = compareStatement(
        statement,
        ledger.filter((t) => t.on === date),
        closing,
      );
      const id = newId();
      const run = await this.records.recordRun(tx, {
        id,
        institutionId: account.institutionId,
        statementDate: new Date(date),
        bankBalanceFen: BigInt(statement.closingBalanceFen),
        ledgerBalanceFen: BigInt(closing),
        result: differences.length ? 'mismatch' : 'matched',
        differences: differences as unknown as object,
      });
      if (differences.length) {
        await this.fees.emit(
          tx,
          ReconciliationMismatch,
          account,
          id,
          {
            runId: id,
            licenseId: account.licenseId,
            statementDate: date,
            bankBalanceFen: statement.closingBalanceFen,
            ledgerBalanceFen: closing,
            differences: differences.length,
          },
          origin,
        );
        await this.risk.raise(
          tx,
          account,
          {
            code: 'reconciliation-mismatch',
            severity: 'critical',
            institutionId: account.institutionId,
            facts: {
              statementDate: date,
              bankBalanceFen: statement.closingBalanceFen,
              ledgerBalanceFen: closing,
              differences: differences.length,
              runId: id,
            },
          },
          `${account.institutionId}:reconciliation-mismatch:${date}:${id}`,
          origin,
        );
      }
      return { ...run, bankBalanceFen: statement.closingBalanceFen, ledgerBalanceFen: closing };
    });
  }
}
