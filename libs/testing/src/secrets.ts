import { DEV_HOTLINE_KEY, generateSecrets } from '@otr/config';

/**
 * Jest setup for every test layer: random secrets for this run, as the embedded default generates
 * them, so no test depends on a value in the repository. Processes a test spawns inherit them.
 */
export function provideTestSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(generateSecrets())) env[name] ??= value;
}

/** The clear key of this run's development 12345 hotline. */
export const devHotlineKey = (): string => {
  const key = process.env[DEV_HOTLINE_KEY];
  if (!key) throw new Error(`${DEV_HOTLINE_KEY} is not set: the jest setup provides it`);
  return key;
};
