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

/** The error and its causes, outermost first (Prisma's driver adapter wraps pg's error). */
function* chain(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

export function classifyFailure(error: unknown): FailureKind {
  for (const e of chain(error)) {
    if (e instanceof ContractViolation || e instanceof SyntaxError) return 'refused';
    // A conflict too: a few tries (the consumer's bounded attempts) outlast an optimistic race.
    if (e instanceof DomainError) return 'refused';
    if ((e as { name?: string }).name === 'ZodError') return 'refused';
  }
  return 'passing';
}

/** True when the failure is the database's or the network's, for logs and metrics. */
export function isInfrastructureFailure(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = String(
      (e as { code?: unknown }).code ?? (e as { originalCode?: unknown }).originalCode ?? '',
    );
    if (PASSING_SQLSTATE.test(code) || PASSING_PRISMA.test(code) || PASSING_ERRNO.test(code)) return true;
  }
  return false;
}
