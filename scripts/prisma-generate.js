#!/usr/bin/env node
// Generates each service's Prisma client from prisma/<service>/schema.prisma (runs after npm install).
// Prisma's CLI insists on a schema-engine binary it would download; `generate` never runs it,
// so any existing file satisfies the check on machines without access to Prisma's servers.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= __filename;
const cli = require.resolve('prisma/build/index.js', { paths: [root] });
for (const service of readdirSync(join(root, 'prisma')).sort()) {
  const schema = join(root, 'prisma', service, 'schema.prisma');
  if (!existsSync(schema)) continue;
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`prisma client generated: ${service}`);
}
