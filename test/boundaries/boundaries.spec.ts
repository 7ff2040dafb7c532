import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');

/** The rules of .dependency-cruiser.cjs (the CLI, as lint runs it), over a tree that breaks each once. */
async function violationsIn(fixture: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'apps', 'libs',
      '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd: fixture, maxBuffer: 16 * 1024 * 1024 },
  ).catch((e: { stdout: string }) => e); // it exits non-zero when it finds violations: that is the point
  const result = JSON.parse(stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the boundary lint', () => {
  it('refuses each import the architecture forbids, and only those', async () => {
    expect(await violationsIn(join(__dirname, 'fixture'))).toEqual([
      'app-not-another-app: apps/shop/src/index.ts → apps/till/src/drawer.ts',
      'application-not-infrastructure: apps/shop/src/application/place-order.ts → apps/shop/src/infrastructure/table.ts',
      expect.stringMatching(/^domain-is-pure: apps\/shop\/src\/domain\/order\.ts → .*node_modules\/@nestjs\/common\//),
      'infrastructure-not-interface: apps/shop/src/infrastructure/wiring.ts → apps/shop/src/interface/route.ts',
      'lib-not-app: libs/money/src/index.ts → apps/till/src/drawer.ts',
      'through-public-entry: apps/shop/src/index.ts → apps/till/src/drawer.ts',
      'through-public-entry: libs/money/src/index.ts → apps/till/src/drawer.ts',
    ]);
  }, 60_000);
});
