// Ensures this checkout's generated secrets (.data/secrets.env) for local runs and prints its path;
// `npm run start:distributed` sources it. Production sets its own (docs/security.md).
import { join } from 'node:path';
import { ensureLocalSecrets } from '@otr/config';
import { repoRoot } from '@otr/runtime';

const file = join(repoRoot, '.data', 'secrets.env');
ensureLocalSecrets(file, {});
console.log(file);
