// `npm run dead-letters -- <list|redrive> …`: the events services refused, through the gateway API
// as an administrator (docs/operations.md, Dead letters). A redrive runs the consumer's own handler,
// which lives in its service: so this calls the service, never the database.
//
//   npm run dead-letters -- list [--service s] [--consumer c] [--type t] [--settled]
//   npm run dead-letters -- redrive --service s (--id x | --all) [--consumer c] [--type t]
//
// OTR_URL: the gateway (default http://localhost:3000); OTR_TOKEN: an administrator's access token
// (POST /api/auth/login), or OTR_USERNAME and OTR_PASSWORD to sign in with.
import { parseArgs } from 'node:util';

const SERVICES = ['registration', 'inspection', 'fee-supervision', 'complaints', 'directory'];

interface DeadLetter {
  id: string;
  consumer: string;
  eventType: string | null;
  error: string;
  attempts: number;
  deadLetteredAt: string;
  redriveOutcome: string | null;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    service: { type: 'string' },
    consumer: { type: 'string' },
    type: { type: 'string' },
    id: { type: 'string' },
    all: { type: 'boolean', default: false },
    settled: { type: 'boolean', default: false },
  },
});
const base = (process.env.OTR_URL ?? 'http://localhost:3000').replace(/\/$/, '');

function usage(message: string): never {
  console.error(`${message}
usage: npm run dead-letters -- list [--service s] [--consumer c] [--type t] [--settled]
       npm run dead-letters -- redrive --service s (--id x | --all) [--consumer c] [--type t]
env:   OTR_URL (default http://localhost:3000), and OTR_TOKEN or OTR_USERNAME + OTR_PASSWORD (an administrator)`);
  process.exit(2);
}

async function token(): Promise<string> {
  if (process.env.OTR_TOKEN) return process.env.OTR_TOKEN;
  const { OTR_USERNAME: username, OTR_PASSWORD: password } = process.env;
  if (!username || !password) usage('no credentials: set OTR_TOKEN, or OTR_USERNAME and OTR_PASSWORD');
  const signedIn = await call<{ accessToken: string }>('POST', '/api/auth/login', '', { username, password });
  return signedIn.accessToken;
}

async function call<T>(method: string, path: string, bearer: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${answer?.detail ?? res.statusText}`);
  return answer as T;
}

async function list(bearer: string) {
  const services = values.service ? [values.service] : SERVICES;
  for (const service of services) {
    let after: string | null = null;
    do {
      const query = new URLSearchParams({ pageSize: '200' });
      if (!values.settled) query.set('open', 'true');
      if (values.consumer) query.set('consumer', values.consumer);
      if (values.type) query.set('type', values.type);
      if (after) query.set('after', after);
      const page: { items: DeadLetter[]; total: number; nextCursor: string | null } = await call(
        'GET',
        `/api/${service}/dead-letters?${query}`,
        bearer,
      );
      if (!after) console.log(`# ${service}: ${page.total}`);
      for (const d of page.items)
        console.log(
          [
            d.id,
            d.deadLetteredAt,
            d.consumer,
            d.eventType ?? '-',
            d.redriveOutcome ?? 'open',
            `attempts=${d.attempts}`,
            d.error.replace(/\s+/g, ' ').slice(0, 160),
          ].join('\t'),
        );
      after = page.nextCursor;
    } while (after);
  }
}

async function redrive(bearer: string) {
  const service = values.service ?? usage('redrive needs --service');
  if (!SERVICES.includes(service)) usage(`no dead letters in ${service}: one of ${SERVICES.join(', ')}`);
  if (Boolean(values.id) === values.all) usage('redrive needs --id x or --all (every open one matching)');
  if (values.id) {
    const r = await call<{ id: string; outcome: string; error?: string }>(
      'POST',
      `/api/${service}/dead-letters/${encodeURIComponent(values.id)}/redrive`,
      bearer,
    );
    console.log([r.id, r.outcome, r.error ?? ''].join('\t'));
    return;
  }
  const summary = await call<{ items: { id: string; outcome: string; error?: string }[]; counts: object }>(
    'POST',
    `/api/${service}/dead-letters/redrive`,
    bearer,
    { consumer: values.consumer, type: values.type },
  );
  for (const r of summary.items) console.log([r.id, r.outcome, r.error ?? ''].join('\t'));
  console.log(JSON.stringify(summary.counts));
}

const [command] = positionals;
const run = command === 'list' ? list : command === 'redrive' ? redrive : null;
if (!run) usage(`unknown command: ${command ?? '(none)'}`);
token()
  .then((bearer) => run(bearer))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
