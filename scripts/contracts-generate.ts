// `npm run contracts:generate`: writes the published contracts from the zod schemas —
// libs/contracts/asyncapi.json and one JSON Schema per event type and version in libs/contracts/schemas/
// (the events), and libs/contracts/openapi.json (every HTTP route through the gateway).
// Commit what it writes; libs/contracts/src/published.spec.ts and apps/platform/src/published-openapi.spec.ts
// fail while the files and the code disagree.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { generateSecrets } from '@otr/config';
import { asyncApiDocument, eventJsonSchemas } from '@otr/contracts';
import { platformDocument } from '@otr/platform';

const root = join(__dirname, '..', 'libs', 'contracts');
const dir = join(root, 'schemas');
// Written as Prettier writes JSON, so `npm run format` leaves the generated files as they are.
const json = async (value: unknown, file: string) =>
  format(JSON.stringify(value), { ...(await resolveConfig(file)), filepath: file });

async function main() {
  // The service modules read their secrets when built; nothing is signed while the routes are read.
  for (const [name, value] of Object.entries(generateSecrets())) process.env[name] ??= value;
  mkdirSync(dir, { recursive: true });
  const schemas = eventJsonSchemas();
  // A retired contract's schema goes with it.
  for (const file of readdirSync(dir))
    if (file.endsWith('.json') && !(file.slice(0, -'.json'.length) in schemas)) rmSync(join(dir, file));
  for (const [name, schema] of Object.entries(schemas))
    writeFileSync(join(dir, `${name}.json`), await json(schema, join(dir, `${name}.json`)));
  writeFileSync(join(root, 'asyncapi.json'), await json(asyncApiDocument(), join(root, 'asyncapi.json')));
  writeFileSync(join(root, 'openapi.json'), await json(await platformDocument(), join(root, 'openapi.json')));
  console.log(
    `wrote libs/contracts/asyncapi.json, ${Object.keys(schemas).length} schemas in libs/contracts/schemas/ and libs/contracts/openapi.json`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
