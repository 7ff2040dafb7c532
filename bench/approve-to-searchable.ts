// Approve-to-searchable latency: gateway, registration and directory as separate processes over
// Kafka; time from the approval's HTTP answer until the public search finds the institution.
//   npm run bench:latency          (N=100 approvals by default)
import { randomBytes } from 'node:crypto';
import { createTestDatabase, testEnv } from '@otr/testing';
import { seedGatewayUsers, signInAs, startSkeletonProcesses } from '../test/e2e/support/gateway-users';
import { readyForApproval } from '../test/e2e/support/licensing';

const N = Number(process.env.N ?? 100);
const CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const db = await createTestDatabase('otr_bench');
  await seedGatewayUsers(db.url);
  const common = {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    OTR_GROUP_PREFIX: `bench-${randomBytes(4).toString('hex')}.`,
  };
  const procs = await startSkeletonProcesses(common);
  const base = procs[2].url;
  const token = await signInAs(base, 'approver.sports');
  // Filed on the applicant's behalf by another approver (代办): 职责分离 keeps the filer from deciding.
  const intake = await signInAs(base, 'approver.xihu');
  const call = async (method: string, path: string, body?: unknown, as = token) => {
    const res = await fetch(`${base}${path}`, {
      method,
      // no-cache: the directory itself answers, not the gateway's shared cache of public answers
      // (which may be PUBLIC_MAX_AGE_S old): the latency is the event path's.
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as}`, 'cache-control': 'no-cache' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${path} ${res.status} ${await res.text()}`);
    return res.json();
  };
  const latencies: number[] = [];
  try {
    for (let i = 0; i < N; i++) {
      const frag = CHARS[i % CHARS.length] + CHARS[Math.floor(i / CHARS.length) % CHARS.length];
      const name = `杭州${frag}${randomBytes(3).toString('hex')}围棋体育培训有限公司`;
      const { applicationId } = await call('POST', '/api/registration/applications', {
        institutionName: name,
        legalForm: 'for-profit',
        category: 'sports',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
        address: '浙江省杭州市西湖区文三路1号',
        venue: { area: 200, maxClassSize: 20, fireSafetyAccepted: true },
        legalRepresentative: '李明',
        ageGroups: ['primary'],
      }, intake);
      // The materials and site visit the rulebook asks before approval, outside the timed span.
      await readyForApproval(base, token, applicationId);
      await call('POST', `/api/registration/applications/${applicationId}/approve`);
      const approved = performance.now();
      for (;;) {
        const found = await call(
          'GET',
          `/api/public/institutions?q=${encodeURIComponent(frag)}&pageSize=100`,
        );
        if (found.items.some((x: { name: string }) => x.name === name)) break;
        await new Promise((res) => setTimeout(res, 5));
      }
      latencies.push(performance.now() - approved);
    }
    console.log(`approve → searchable over Kafka, ${N} approvals, three processes`);
    console.log(
      `p50 ${pct(latencies, 50).toFixed(0)} ms   p99 ${pct(latencies, 99).toFixed(0)} ms   max ${Math.max(...latencies).toFixed(0)} ms`,
    );
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await db.drop();
  }
}

void main();
