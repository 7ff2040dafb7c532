import { createHash, timingSafeEqual } from 'node:crypto';
import { secret } from '@otr/config';
import { HotlineSystems } from '../application/ports';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * The hotline systems allowed to file work orders, from COMPLAINTS_HOTLINE_KEYS:
 * `<system-id>:<sha-256 of its API key, hex>` entries separated by commas. Only the hashes are
 * configured and kept, and a key given is compared with every one in constant time. Required: a
 * checkout's local runs generate a development hotline's key (@otr/config).
 */
export class HotlineKeys implements HotlineSystems {
  private readonly systems: { id: string; hash: Buffer }[];

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.systems = secret('COMPLAINTS_HOTLINE_KEYS', env).map((entry) => {
      const [id, hash] = entry.split(':');
      return { id, hash: Buffer.from(hash, 'hex') };
    });
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
