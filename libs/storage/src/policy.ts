import { Readable } from 'node:stream';
import { DomainError } from '@otr/kernel';

/** Over the size limit; citation names the form field and the limit. */
export class BlobTooLarge extends DomainError {
  readonly code = 'storage.BlobTooLarge';
}

/** A type not accepted, or content whose magic bytes contradict the declared type. */
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

/** 'Image/PNG; x=y' and 'image/png' are the same declaration. */
export const normalizeType = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();

/**
 * Reads a body into memory, refusing as soon as it passes the limit rather than after, so memory
 * per upload is bounded by maxBytes. A refused stream is destroyed, which stops the sender.
 */
export async function readLimited(
  content: Buffer | Readable,
  policy: StoragePolicy,
  field = 'file',
): Promise<Buffer> {
  const tooLarge = () =>
    new BlobTooLarge(`${field} is larger than ${policy.maxBytes} bytes`, {
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
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > policy.maxBytes) {
      content.destroy();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

// file-type 16 is the last CommonJS release; its types only matter here for fromBuffer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FileType = require('file-type') as { fromBuffer(b: Buffer): Promise<{ mime: string } | undefined> };

/**
 * The declared type must be allowed and match the bytes' magic numbers, so a renamed executable
 * is not stored as a photo. Plain text has no magic number: it must not be a known binary format
 * nor contain NUL bytes (legacy encodings such as GBK are still accepted).
 * Returns the normalized type to store.
 */
export async function checkType(
  bytes: Buffer,
  declared: string,
  policy: StoragePolicy,
  field = 'file',
): Promise<string> {
  const type = normalizeType(declared);
  const refuse = (why: string) =>
    new BlobTypeNotAllowed(why, {
      field,
      rule: `one of ${policy.allowedTypes.join(', ')}, matching the content`,
    });
  if (!policy.allowedTypes.includes(type)) throw refuse(`${field}: type ${type} is not accepted`);
  const detected = await FileType.fromBuffer(bytes);
  if (type === 'text/plain') {
    if (detected || bytes.includes(0)) throw refuse(`${field}: the content is not plain text`);
    return type;
  }
  if (detected?.mime !== type)
    throw refuse(`${field}: the content is ${detected?.mime ?? 'of unknown type'}, not ${type}`);
  return type;
}

/** Both checks, in the order that reads the least: size while reading, then type. */
export async function admit(
  content: Buffer | Readable,
  meta: { contentType: string; field?: string },
  policy: StoragePolicy,
): Promise<{ bytes: Buffer; contentType: string }> {
  const bytes = await readLimited(content, policy, meta.field);
  const contentType = await checkType(bytes, meta.contentType, policy, meta.field);
  return { bytes, contentType };
}
