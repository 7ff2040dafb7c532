// Shared set-up of the complaints integration tests: the service over HTTP on a fresh database,
// the in-process transport, and the institutions registration would have announced.
import { Pool } from 'pg';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { createEvent, Envelope, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, TestDatabase } from '@otr/testing';
import { complaintsService } from './complaints.module';

export const XH = 'CN-ZJ-HZ-XH';

export const official = (
  userId: string,
  department: Principal['department'],
  jurisdiction = XH,
  roles: Principal['roles'] = ['approver'],
): Principal => ({ userId, name: userId, roles, department, jurisdiction });

export interface RegisteredInstitution {
  institutionId: string;
  licenseId: string;
  name: string;
  district?: string;
}

const licenseIssued = ({ institutionId, licenseId, name, district = XH }: RegisteredInstitution) =>
  createEvent(LicenseIssued, {
    aggregateId: licenseId,
    institutionId,
    actor: SYSTEM_ACTOR,
    correlationId: 'test',
    payload: {
      licenseId,
      licenseNumber: `教民${district.slice(-2)}2026${licenseId.slice(-5)}号`,
      institutionName: name,
      legalForm: 'non-profit',
      category: 'subject',
      scopes: ['offline'],
      district,
      address: '浙江省杭州市文三路1号',
      validFrom: '2026-01-01',
      validUntil: '2029-12-31',
    },
  });

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export type Published = Omit<Envelope, 'payload'> & { payload: Record<string, unknown> };

export interface ComplaintsHarness {
  db: TestDatabase;
  pool: Pool;
  service: RunningService;
  transport: InProcessTransport;
  /** A request as the gateway would pass it: the principal signed in its header, or none. */
  call(
    as: Principal | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** A file's bytes, as the gateway would fetch them for this principal. */
  download(as: Principal, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }>;
  /** Events the relay published on otr.complaints, of one type or all. */
  published(type?: string): Promise<Published[]>;
  idOf(trackingNumber: string): Promise<string>;
  stop(): Promise<void>;
}

/** The complaints service on a fresh database, once it has learnt of the given institutions. */
export async function startComplaints(
  clock: FixedClock,
  institutions: RegisteredInstitution[],
): Promise<ComplaintsHarness> {
  process.env.COMPLAINTS_SLA_SWEEP_MS = '0';
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url });
  const transport = new InProcessTransport();
  const service = await startService(complaintsService, {
    databaseUrl: db.url,
    transport,
    port: await freePort(),
    clock,
  });
  await transport.publish(
    'otr.registration',
    institutions.map((i) => ({ key: i.institutionId, value: JSON.stringify(licenseIssued(i)) })),
  );
  await eventually(async () => {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM complaints.institution');
    return rows[0].n === institutions.length ? true : undefined;
  }, 10_000);

  const call: ComplaintsHarness['call'] = async (as, method, path, body, headers = {}) => {
    const form = body instanceof FormData || body instanceof URLSearchParams;
    const res = await fetch(`http://127.0.0.1:${service.port}${path}`, {
      method,
      headers: {
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...(as ? { [PRINCIPAL_HEADER]: await signPrincipal(as, 'complaints') } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: json && text ? JSON.parse(text) : text, text };
  };
  return {
    db,
    pool,
    service,
    transport,
    call,
    download: async (as, path) => {
      const res = await fetch(`http://127.0.0.1:${service.port}${path}`, {
        headers: { [PRINCIPAL_HEADER]: await signPrincipal(as, 'complaints') },
      });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    },
    published: async (type) => {
      await new Promise((r) => setTimeout(r, 300)); // the relay publishes on NOTIFY
      return transport
        .messages('otr.complaints')
        .map((m) => JSON.parse(m.value) as Published)
        .filter((e) => !type || e.type === type);
    },
    idOf: async (trackingNumber) =>
      (await pool.query('SELECT id FROM complaints.complaint WHERE tracking_number = $1', [trackingNumber]))
        .rows[0].id,
    stop: async () => {
      await service.stop();
      await pool.end();
      await db.drop();
    },
  };
}
