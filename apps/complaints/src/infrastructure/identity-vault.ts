import { IdentitySealer } from '../application/ports';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { secret } from '@otr/config';

/** The complainant as they gave themselves; only ever held in memory, encrypted at rest. */
export interface ClearIdentity {
  name: string;
  phone: string;
}

const KEY_ID = 'v1';


/**
 * Encrypts the complainant's identity (AES-256-GCM, random IV, authenticated) and derives the
 * keyed phone hash used to recognise repeats. Keys separate: the hash key cannot decrypt.
 */
export class IdentityVault implements IdentitySealer {
  private readonly key: Buffer;
  private readonly hashKey: Buffer;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    // 32 bytes from COMPLAINTS_IDENTITY_KEY (hex or base64), validated; there is no default.
    this.key = secret('COMPLAINTS_IDENTITY_KEY', env);
    this.hashKey = createHmac('sha256', this.key).update('complainant-phone-hash').digest();
  }

  readonly keyId = KEY_ID;

  seal(value: unknown): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open<T>(sealed: Uint8Array): T {
    const data = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8'),
    ) as T;
  }

  /** The same number however it was typed (spaces, +86) gives the same hash. */
  phoneHash(phone: string): string {
    const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
    return createHmac('sha256', this.hashKey).update(digits).digest('hex');
  }
}
