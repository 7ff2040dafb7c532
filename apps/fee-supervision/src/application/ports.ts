import { BankPayment, FeeRules } from '../domain';

export const FEE_RULES = Symbol('FeeRulesSource');
export const BANK = Symbol('CustodianBank');
export const CODE_SENDER = Symbol('SignInCodeSender');
/** Injection token for the clock (tests fix time through it). */
export const CLOCK_TOKEN = 'otr.clock';

export interface FeeRulesSource {
  forDistrict(district: string, on: Date | string): FeeRules;
}

/** One line of the custodian bank's daily statement (对账单) of a supervised account. */
export interface StatementLine {
  /** The bank's reference: the payment's idempotency key, or the instruction id it executed. */
  reference: string;
  /** Signed: money in positive, out negative. */
  amountFen: number;
}

export interface BankStatement {
  accountNo: string;
  date: string;
  /** Closing balance of the escrow account at the end of the day. */
  closingBalanceFen: number;
  lines: StatementLine[];
}

/** The custodian bank (托管银行) as fee supervision talks to it; apps/bank-sim is its test mode. */
export interface CustodianBank {
  /** Sends a release or refund instruction; resolves with the bank's reference once the bank confirms it. */
  instruct(instruction: {
    id: string;
    kind: 'release' | 'refund';
    accountNo: string;
    amountFen: number;
    /** The ledger date the bank books it on. */
    date: string;
  }): Promise<{ bankReference: string }>;
  statement(accountNo: string, date: string): Promise<BankStatement>;
  /**
   * The bank's own record of an incoming payment, by its reference; null when the bank has none.
   * A notification is booked only when it agrees with this record (money moves on the bank's word).
   */
  payment(reference: string): Promise<BankPayment | null>;
}

/** Delivers a family's one-time sign-in code (SMS in production; the development sender logs it). */
export interface SignInCodeSender {
  send(phone: string, code: string): Promise<void>;
}
