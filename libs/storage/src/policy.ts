import { Readable } from 'node:stream';
import { DomainError } from '@otr/kernel';

export class BlobTooLarge extends DomainError {
  readonly code = 'storage.BlobTooLarge';
}

export class BlobTypeNotAllowed extends DomainError {
  readonly code = 'storage.BlobTypeNotAllowed';
}

export interface StoragePolicy {
  maxBytes: number;
  allowedTypes: string[];
}

export const defaultPolicy: StoragePolicy = {
  maxBytes: 20 * 1024 * 1024,
  allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4', 'text/plain'],
};

/** Reads a body into memory, refusing as soon as it passes the limit rather than after. */
export async function readLimited(
  content: Buffer | Readable,
  policy: StoragePolicy,
  field = 'file',
): Promise<Buffer> {
  const tooLarge = () =>
    new BlobTooLarge(`file is larger than ${policy.maxBytes} bytes`, {
      field,
      rule: `at most ${policy.maxBytes} bytes`,
    });
  if (Buffer.isBuffer(content)) {
    if (content.length > policy.maxBytes) throw tooLarge();
    return content;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content) {
    size += (chunk as Buffer).length;
    if (size > policy.maxBytes) {
      content.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The declared type must be allowed and match the bytes' magic numbers, so a renamed
 * executable is not stored as a photo. Plain text has no magic number: it must not look binary.
 */
export async function checkType(
  bytes: Buffer,
  declared: string,
  policy: StoragePolicy,
  field = 'file',
): Promise<void> {
  const refuse = (why: string) =>
    new BlobTypeNotAllowed(why, {
      field,
      rule: `one of ${policy.allowedTypes.join(', ')}, matching the content`,
    });
  if (!policy.allowedTypes.includes(declared)) throw refuse(`type ${declared} is not accepted`);
  // file-type 16 is the last CommonJS release.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const FileType = require('file-type') as { fromBuffer(b: Buffer): Promise<{ mime: string } | undefined> };
  const detected = await FileType.fromBuffer(bytes);
  if (declared === 'text/plain') {
    if (detected || bytes.includes(0)) throw refuse('the content is not plain text');
    return;
  }
  if (detected?.mime !== declared)
    throw refuse(`the content is ${detected?.mime ?? 'unknown'}, not ${declared}`);
}
