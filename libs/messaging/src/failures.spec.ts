import { ContractViolation } from '@otr/contracts';
import { DomainError } from '@otr/kernel';
import { classifyFailure, isInfrastructureFailure } from './failures';

class Refusal extends DomainError {
  readonly code = 'test.Refusal';
}
const pg = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });
/** How Prisma 7 reports PostgreSQL's error through its pg driver adapter (seen on a read-only database). */
const prismaRaw = (sqlstate: string) =>
  Object.assign(new Error('Raw query failed.'), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2010',
    meta: {
      driverAdapterError: {
        name: 'DriverAdapterError',
        cause: { kind: 'postgres', code: sqlstate, originalCode: sqlstate },
      },
    },
  });

describe('what a failed event means', () => {
  it.each([
    ['a broken contract', new ContractViolation('test.Thing', ['payload.n: too small'])],
    ['a domain refusal', new Refusal('not in our register')],
    ['JSON that does not parse', new SyntaxError('Unexpected token')],
  ])('%s is refused: retrying cannot help', (_what, error) => {
    expect(classifyFailure(error)).toBe('refused');
  });

  it.each([
    ['the database read-only (25006)', pg('25006')],
    ['through Prisma’s driver adapter', prismaRaw('25006')],
    ['a server restarting (57P01)', pg('57P01')],
    ['a serialisation failure (40001)', pg('40001')],
    ['a lock not available (55P03)', pg('55P03')],
    ['a refused connection', pg('ECONNREFUSED')],
    ['Prisma unable to reach the database', Object.assign(new Error('x'), { code: 'P1001' })],
    ['pg’s dropped connection', new Error('Connection terminated unexpectedly')],
  ])('%s is passing, and the infrastructure’s', (_what, error) => {
    expect(classifyFailure(error)).toBe('passing');
    expect(isInfrastructureFailure(error)).toBe(true);
  });

  it('retries a failure it does not understand rather than lose a valid event, but does not call it the infrastructure’s', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(classifyFailure(bug)).toBe('passing');
    expect(isInfrastructureFailure(bug)).toBe(false);
  });

  it('finds a refusal wrapped in another error', () => {
    expect(classifyFailure(new Error('handler failed', { cause: new Refusal('no') }))).toBe('refused');
  });
});
