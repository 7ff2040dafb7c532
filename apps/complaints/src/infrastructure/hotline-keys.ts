import { createHash, timingSafeEqual } from 'node:crypto';
import { HotlineSystems } from '../application/ports';

/** The development hotline (`npm start`, tests): its id and key. Never configure it in production. */
export const DEV_HOTLINE = { system: 'hotline-12345-dev', apiKey: 'development-only-12345-hotline-key' };

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * The hotline systems allowed to file work orders, from COMPLAINTS_HOTLINE_KEYS:
 * `<system-id>:<sha-256 of its API key, hex>` entries separated by commas. Only the hashes are
 * configured and kept, and a key given is compared with every one in constant time.
 * Unset: the development hotline alone.
 */
export class HotlineKeys implements HotlineSystems {
  private readonly systems: { id: string; hash: Buffer }[];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const raw = env.COMPLAINTS_HOTLINE_KEYS?.trim();
    this.systems = raw
      ? raw.split(',').map((entry) => {
          const [id, hash, ...rest] = entry.trim().split(':');
          if (!id || rest.length || !/^[0-9a-f]{64}$/i.test(hash ?? ''))
            throw new Error('COMPLAINTS_HOTLINE_KEYS: each entry is <system-id>:<sha-256 of its key, hex>');
          return { id, hash: Buffer.from(hash, 'hex') };
        })
      : [{ id: DEV_HOTLINE.system, hash: digest(DEV_HOTLINE.apiKey) }];
  }

  /** The system this key belongs to, or undefined. */
  identify(apiKey: string | undefined): string | undefined {
    if (!apiKey) return undefined;
    const given = digest(apiKey);
    // Every entry is compared, so the time taken does not tell which one (or whether any) matched.
    return this.systems.reduce<string | undefined>(
      (found, s) => (timingSafeEqual(given, s.hash) ? (found ?? s.id) : found),
      undefined,
    );
  }
}
