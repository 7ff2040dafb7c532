#!/usr/bin/env node
// Offline checks of the deployment files, run by `npm test` (no Docker engine, no cluster needed):
//  - infra/k8s: every manifest against the Kubernetes API schemas (kubernetes-models: validators
//    generated from the Kubernetes OpenAPI document), unknown fields refused as `kubeconform -strict`
//    does (TypeScript's excess-property check against the same models' types), then the project's
//    rules: probes, requests and limits, init containers before the code, a PodDisruptionBudget and
//    a HorizontalPodAutoscaler per Deployment, no Secret shipped, evidence on object storage.
//  - infra/compose.yaml: `docker-compose config` (Debian's docker-compose; the client alone) with
//    placeholder secrets, then migrations and topics before every app; refused without a secret.
//  - infra/Dockerfile and .dockerignore: multi-stage, non-root, health check, the build not TypeScript.
// `--self-test` breaks each rule in a copy and fails unless every break is reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse } from 'yaml';
import { entries } from './build-services.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const k8sDir = join(root, 'infra', 'k8s');

/** Files a container command may run: the build's bundles and the topics script. */
const runnable = new Set([
  ...Object.keys(entries).map((e) => `dist/services/${e}/main.js`),
  'infra/kafka/ensure-topics.js',
]);

export function loadManifests() {
  const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8'));
  const files = [...kustomization.resources, 'jobs/migrate.yaml', 'jobs/topics.yaml'];
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((d, i) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
      return { file: `${file}#${i}`, doc: d.toJS({ maxAliasCount: 100 }) };
    }),
  );
}

const modelPath = (apiVersion) => (apiVersion.includes('/') ? apiVersion : `v1`);

/** Schema validation, per document. */
async function schemaProblems(manifests) {
  const problems = [];
  for (const { file, doc } of manifests) {
    let models;
    try {
      models = await import(`kubernetes-models/${modelPath(doc.apiVersion)}`);
    } catch {
      problems.push(`${file}: unknown apiVersion ${doc.apiVersion}`);
      continue;
    }
    const Model = models[doc.kind];
    if (!Model) {
      problems.push(`${file}: ${doc.apiVersion} has no kind ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (error) {
      problems.push(`${file} (${doc.kind}): ${error.message}`);
    }
  }
  return problems;
}

/** Unknown fields: each manifest as a TypeScript literal that must satisfy the model's type. */
function strictProblems(manifests) {
  const dir = mkdtempSync(join(root, 'node_modules', '.otr-k8s-strict-'));
  try {
    const lines = [];
    manifests.forEach(({ doc }, i) => {
      const mod = `kubernetes-models/${modelPath(doc.apiVersion)}`;
      lines.push(`import type { I${doc.kind} as T${i} } from '${mod}';`);
    });
    manifests.forEach(({ file, doc }, i) => {
      lines.push(`// ${file}`, `export const m${i} = ${JSON.stringify(doc, null, 1)} satisfies T${i};`);
    });
    writeFileSync(join(dir, 'manifests.ts'), lines.join('\n'));
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--skipLibCheck',
        '--moduleResolution', 'node', '--module', 'commonjs', '--target', 'es2022', join(dir, 'manifests.ts')],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status === 0) return [];
    const text = readFileSync(join(dir, 'manifests.ts'), 'utf8').split('\n');
    return result.stdout
      .split('\n')
      .filter((l) => /error TS/.test(l))
      .map((l) => {
        const line = Number(/\((\d+),/.exec(l)?.[1] ?? 0);
        const owner = text.slice(0, line).reverse().find((t) => t.startsWith('// '))?.slice(3) ?? '?';
        return `${owner}: ${l.replace(/^.*error TS\d+: /, '')}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The project's rules for its cluster. */
function ruleProblems(manifests) {
  const problems = [];
  const docs = manifests.map((m) => ({ ...m.doc, _file: m.file }));
  const byKind = (k) => docs.filter((d) => d.kind === k);
  for (const d of docs) {
    if (d.kind === 'Secret') problems.push(`${d._file}: a Secret is shipped; reference otr-secrets instead`);
  }
  const containersOf = (spec) => [...(spec.initContainers ?? []), ...spec.containers];
  const checkContainer = (where, c) => {
    for (const side of ['requests', 'limits'])
      for (const r of ['cpu', 'memory'])
        if (!c.resources?.[side]?.[r]) problems.push(`${where} ${c.name}: no ${side}.${r}`);
    for (const e of c.envFrom ?? [])
      if (e.secretRef && e.secretRef.name !== 'otr-secrets') problems.push(`${where} ${c.name}: secret ${e.secretRef.name}`);
    const script = c.command?.[1];
    if (c.command?.[0] !== 'node' || !runnable.has(script))
      problems.push(`${where} ${c.name}: runs ${c.command?.join(' ')}, not a file of the production build`);
  };
  for (const dep of byKind('Deployment')) {
    const where = `${dep._file} Deployment ${dep.metadata.name}`;
    const spec = dep.spec.template.spec;
    containersOf(spec).forEach((c) => checkContainer(where, c));
    if (dep.spec.replicas !== undefined) problems.push(`${where}: replicas set, but its autoscaler owns the count`);
    const inits = (spec.initContainers ?? []).map((c) => c.command?.[1]);
    if (inits[0] !== 'dist/services/migrate/main.js' || inits[1] !== 'infra/kafka/ensure-topics.js')
      problems.push(`${where}: migrations and topics must run (init containers) before the service`);
    const main = spec.containers[0];
    if (main.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`${where}: readiness is not /health/ready`);
    if (main.livenessProbe?.httpGet?.path !== '/health/live') problems.push(`${where}: liveness is not /health/live`);
    const labels = dep.spec.selector.matchLabels;
    const matches = (sel) => sel && Object.entries(sel).every(([k, v]) => labels[k] === v);
    if (!byKind('PodDisruptionBudget').some((p) => matches(p.spec.selector?.matchLabels)))
      problems.push(`${where}: no PodDisruptionBudget`);
    if (!byKind('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === dep.metadata.name))
      problems.push(`${where}: no HorizontalPodAutoscaler`);
    if (!byKind('Service').some((s) => matches(s.spec.selector))) problems.push(`${where}: no Service selects it`);
  }
  for (const job of byKind('Job')) {
    const where = `${job._file} Job`;
    if (job.metadata.name || !job.metadata.generateName) problems.push(`${where}: needs generateName (a unique name per run)`);
    containersOf(job.spec.template.spec).forEach((c) => checkContainer(where, c));
  }
  const config = byKind('ConfigMap').find((c) => c.metadata.name === 'otr-config')?.data ?? {};
  if (config.STORAGE_DRIVER !== 's3' || !config.S3_BUCKET)
    problems.push('otr-config: evidence must be on object storage (STORAGE_DRIVER=s3, S3_BUCKET) with several replicas');
  if (!/^\d+$/.test(config.TRUST_PROXY ?? '')) problems.push('otr-config: TRUST_PROXY must name the ingress hop');
  if (config.NODE_ENV !== 'production') problems.push('otr-config: NODE_ENV must be production');
  return problems;
}

export const SECRETS = [
  'POSTGRES_PASSWORD', 'GATEWAY_SIGNING_SECRET', 'ACCESS_TOKEN_SECRET', 'OTR_ID_PEPPER',
  'COMPLAINTS_IDENTITY_KEY', 'COMPLAINTS_HOTLINE_KEYS', 'FEES_BANK_WEBHOOK_SECRET', 'FEES_BANK_API_KEY',
  'FEES_FAMILY_TOKEN_SECRET',
];

/** `docker-compose config` on the file (v1 knows no top-level `name:`; -p gives it). */
function composeConfig(text, env) {
  const dir = mkdtempSync(join(root, 'infra', '.compose-check-'));
  try {
    writeFileSync(join(dir, 'compose.yaml'), text.replace(/^name: .*$/m, ''));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SECRETS.includes(k)));
    return spawnSync('docker-compose', ['-p', 'otr', '--project-directory', join(root, 'infra'), '-f', join(dir, 'compose.yaml'), 'config'], {
      encoding: 'utf8',
      env: { ...clean, ...env },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function composeProblems(text) {
  const have = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (have.status !== 0) {
    if (process.env.CI) return ['docker-compose is not installed (.ci/run installs Debian\'s docker-compose)'];
    console.warn('check-deployment: docker-compose not installed, compose file not checked (apt-get install docker-compose)');
    return [];
  }
  const problems = [];
  if (!/^name: otr$/m.test(text)) problems.push('compose: the project is not named otr');
  const placeholders = Object.fromEntries(SECRETS.map((s) => [s, 'placeholder']));
  const result = composeConfig(text, placeholders);
  if (result.status !== 0) return [...problems, `compose: docker-compose config refused it: ${result.stderr.trim()}`];
  const { services } = parse(result.stdout);
  for (const [name, s] of Object.entries(services)) {
    if (s.image !== 'otr:local') continue;
    const script = s.command?.[1];
    if (s.command?.[0] !== 'node' || !runnable.has(script)) problems.push(`compose ${name}: runs ${s.command?.join(' ')}, not the build`);
    if (s.environment?.NODE_ENV !== 'production') problems.push(`compose ${name}: NODE_ENV is not production`);
    if (name === 'migrate' || name === 'kafka-init') continue;
    for (const first of ['migrate', 'kafka-init'])
      if (s.depends_on?.[first]?.condition !== 'service_completed_successfully')
        problems.push(`compose ${name}: does not wait for ${first} to complete`);
  }
  if (services.migrate?.depends_on?.postgres?.condition !== 'service_healthy') problems.push('compose migrate: does not wait for PostgreSQL');
  if (!services['kafka-init']?.depends_on?.kafka) problems.push('compose kafka-init: does not wait for Kafka');
  for (const app of ['gateway', 'registration', 'directory', 'inspection', 'fee-supervision', 'complaints', 'bank-sim'])
    if (!services[app]) problems.push(`compose: no ${app}`);
  // Without its secrets, compose must refuse to start rather than run with none.
  const bare = composeConfig(text, { POSTGRES_PASSWORD: 'placeholder' });
  if (bare.status === 0 || !/GATEWAY_SIGNING_SECRET|ACCESS_TOKEN_SECRET|OTR_ID_PEPPER/.test(bare.stderr))
    problems.push('compose: accepted without the secrets');
  return problems;
}

function imageProblems(dockerfile, dockerignore) {
  const problems = [];
  const stages = dockerfile.match(/^FROM /gm) ?? [];
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  if (!/^USER (?!root\b|0\b)\S+/m.test(final)) problems.push('Dockerfile: the final stage runs as root');
  if (!/^HEALTHCHECK /m.test(final)) problems.push('Dockerfile: no HEALTHCHECK');
  if (/swc-node/.test(final)) problems.push('Dockerfile: the final stage runs TypeScript, not the build');
  if (!/COPY --from=build \/otr\/dist\/services/.test(final)) problems.push('Dockerfile: the build\'s bundles are not in the image');
  if (!/--omit=dev/.test(dockerfile)) problems.push('Dockerfile: devDependencies in the image');
  if (!/ARG NODE_IMAGE=node:(2[24]|2[6-9])/.test(dockerfile)) problems.push('Dockerfile: not on a supported Node LTS');
  for (const must of ['node_modules', '.data', '.git', 'secrets.env'])
    if (!dockerignore.split('\n').some((l) => l.includes(must))) problems.push(`.dockerignore: ${must} not excluded`);
  return problems;
}

export async function checkAll(over = {}) {
  const manifests = over.manifests ?? loadManifests();
  return [
    ...(await schemaProblems(manifests)),
    ...strictProblems(manifests),
    ...ruleProblems(manifests),
    ...composeProblems(over.compose ?? readFileSync(join(root, 'infra', 'compose.yaml'), 'utf8')),
    ...imageProblems(
      over.dockerfile ?? readFileSync(join(root, 'infra', 'Dockerfile'), 'utf8'),
      readFileSync(join(root, '.dockerignore'), 'utf8'),
    ),
  ];
}

/** Each break must be reported by the checks: a check that cannot fail proves nothing. */
async function selfTest() {
  const clone = () => structuredClone(loadManifests());
  const deployment = (ms, name) => ms.find((m) => m.doc.kind === 'Deployment' && m.doc.metadata.name === name).doc;
  const compose = readFileSync(join(root, 'infra', 'compose.yaml'), 'utf8');
  const dockerfile = readFileSync(join(root, 'infra', 'Dockerfile'), 'utf8');
  const breaks = [
    ['a wrong type', (ms) => (deployment(ms, 'directory').spec.revisionHistoryLimit = 'ten'), /revisionHistoryLimit must be integer/],
    ['an unknown field', (ms) => (deployment(ms, 'directory').spec.template.spec.containers[0].readinesProbe = {}), /readinesProbe/],
    ['no memory limit', (ms) => delete deployment(ms, 'complaints').spec.template.spec.containers[0].resources.limits.memory, /complaints.*no limits.memory/],
    ['readiness on the broker', (ms) => (deployment(ms, 'gateway').spec.template.spec.containers[0].readinessProbe.httpGet.path = '/health/broker'), /readiness is not/],
    ['no init containers', (ms) => delete deployment(ms, 'inspection').spec.template.spec.initContainers, /inspection: migrations and topics/],
    ['TypeScript at run time', (ms) => (deployment(ms, 'registration').spec.template.spec.containers[0].command = ['node', '-r', '@swc-node/register', 'apps/registration/src/main.ts']), /not a file of the production build/],
    ['a shipped Secret', (ms) => ms.push({ file: 'x#0', doc: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'otr-secrets', namespace: 'otr' }, stringData: { A: 'b' } } }), /a Secret is shipped/],
    ['no autoscaler', (ms) => ms.splice(ms.findIndex((m) => m.doc.kind === 'HorizontalPodAutoscaler'), 1), /no HorizontalPodAutoscaler/],
    ['evidence on pod disk', (ms) => (ms.find((m) => m.doc.kind === 'ConfigMap').doc.data.STORAGE_DRIVER = 'local'), /object storage/],
  ];
  const failures = [];
  for (const [what, mutate, expected] of breaks) {
    const ms = clone();
    mutate(ms);
    // tsc takes seconds: only the break it is there for runs it.
    const strict = what === 'an unknown field' ? strictProblems(ms) : [];
    const problems = [...(await schemaProblems(ms)), ...strict, ...ruleProblems(ms)];
    if (!problems.some((p) => expected.test(p))) failures.push(`${what}: not reported (got ${problems.join('; ') || 'nothing'})`);
  }
  const composeBreaks = [
    ['a service not waiting for migrations', compose.replace('  depends_on: &ready\n    migrate: { condition: service_completed_successfully }\n', '  depends_on: &ready\n'), /does not wait for migrate/],
    ['an invalid compose file', compose.replace('restart: unless-stopped', 'restart: [sometimes]'), /docker-compose config refused/],
  ];
  if (spawnSync('docker-compose', ['version']).status === 0 || process.env.CI) {
    for (const [what, text, expected] of composeBreaks) {
      if (text === compose) failures.push(`${what}: the self-test's edit no longer applies`);
      else if (!composeProblems(text).some((p) => expected.test(p))) failures.push(`${what}: not reported`);
    }
  }
  if (!imageProblems(dockerfile.replace(/^USER node$/m, ''), '').some((p) => /runs as root/.test(p))) failures.push('root image: not reported');
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const problems = process.argv.includes('--self-test') ? await selfTest() : await checkAll();
  if (problems.length) {
    console.error(`check-deployment: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const n = loadManifests().length;
  console.log(`check-deployment${process.argv.includes('--self-test') ? ' --self-test' : ''}: ${n} manifests, compose and Dockerfile ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
