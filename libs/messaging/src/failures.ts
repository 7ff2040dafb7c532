import { ContractViolation } from '@otr/contracts';
import { DomainError } from '@otr/kernel';

/**
 * Why applying an event failed, which decides what the consumer does next:
 *  - refused: the event itself is wrong for this consumer (it breaks its contract, or a domain rule
 *    refuses it) — retrying cannot help, so after a few tries it goes to the dead-letter topic;
 *  - passing: anything else — the database restarting, read-only, a lock, a serialisation conflict,
 *    a timeout, or a fault not yet understood — is retried with back-off for as long as it takes,
 *    holding the partition, because dead-lettering a valid event loses it (a payment, a refund).
 */
export type FailureKind = 'refused' | 'passing';

/** SQLSTATE classes and codes that say the database, not the event, is the problem. */
const PASSING_SQLSTATE = /^(08|40|53|57|58)|^(25006|55P03|55006|XX000)$/;
/** Prisma's own codes for the same: cannot reach, timed out, pool exhausted, write conflict. */
const PASSING_PRISMA = /^P(1001|1002|1008|1011|1017|2024|2028|2034)$/;
/** Node's socket errors. */
const PASSING_ERRNO = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|EHOSTUNREACH)$/;

/**
 * The error and what it wraps, outermost first: its `cause`, and Prisma's driver adapter error
 * (`meta.driverAdapterError.cause` holds PostgreSQL's SQLSTATE behind a P2010).
 */
function* chain(error: unknown): Generator<unknown> {
  const pending = [error];
  for (let seen = 0; pending.length && seen < 12; seen++) {
    const e = pending.shift();
    if (!e || typeof e !== 'object') continue;
    yield e;
    const adapter = (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
    pending.push((e as { cause?: unknown }).cause, adapter);
  }
}

/** pg's own words when the server goes away mid-conversation (these carry no code). */
const PASSING_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function classifyFailure(error: unknown): FailureKind {
  for (const e of chain(error)) {
    if (e instanceof ContractViolation || e instanceof SyntaxError) return 'refused';
    // A conflict too: a few tries (the consumer's bounded attempts) outlast an optimistic race.
    if (e instanceof DomainError) return 'refused';
    if ((e as { name?: string }).name === 'ZodError') return 'refused';
  }
  return 'passing';
}

/** True when the failure is the database's or the network's: logged as such, answered 503. */
export function isInfrastructureFailure(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = String(
      (e as { code?: unknown }).code ?? (e as { originalCode?: unknown }).originalCode ?? '',
    );
    if (PASSING_SQLSTATE.test(code) || PASSING_PRISMA.test(code) || PASSING_ERRNO.test(code)) return true;
    if (PASSING_MESSAGE.test(String((e as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}
