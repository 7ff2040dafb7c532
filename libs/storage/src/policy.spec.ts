import { Readable } from 'node:stream';
import { BlobTooLarge, BlobTypeNotAllowed, checkType, defaultPolicy, readLimited } from './policy';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(32)]);

describe('the storage policy', () => {
  it('allows 20 MiB of jpeg, png, webp, pdf, mp4 and plain text by default', () => {
    expect(defaultPolicy.maxBytes).toBe(20 * 1024 * 1024);
    expect(defaultPolicy.allowedTypes.sort()).toEqual(
      ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain', 'video/mp4'].sort(),
    );
  });

  it('accepts content matching its declared type, ignoring case and parameters', async () => {
    expect(await checkType(PDF, 'application/pdf', defaultPolicy)).toBe('application/pdf');
    expect(await checkType(JPEG, 'Image/JPEG', defaultPolicy)).toBe('image/jpeg');
    expect(await checkType(Buffer.from('投诉内容'), 'text/plain; charset=utf-8', defaultPolicy)).toBe(
      'text/plain',
    );
  });

  it('refuses a type outside the list even when the bytes match it', async () => {
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(40)]);
    await expect(checkType(zip, 'application/zip', defaultPolicy)).rejects.toThrow(BlobTypeNotAllowed);
  });

  it('refuses binary content declared as plain text', async () => {
    await expect(checkType(PDF, 'text/plain', defaultPolicy)).rejects.toThrow(BlobTypeNotAllowed);
    await expect(checkType(Buffer.from([0x41, 0x00, 0x42]), 'text/plain', defaultPolicy)).rejects.toThrow(
      BlobTypeNotAllowed,
    );
  });

  it('reads a stream up to the limit exactly, and refuses one byte more', async () => {
    const policy = { ...defaultPolicy, maxBytes: 6 };
    const ok = await readLimited(Readable.from([Buffer.from('abc'), Buffer.from('def')]), policy);
    expect(ok.toString()).toBe('abcdef');
    await expect(
      readLimited(Readable.from([Buffer.from('abc'), Buffer.from('defg')]), policy),
    ).rejects.toThrow(BlobTooLarge);
  });
});
