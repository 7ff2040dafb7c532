import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobNotFound } from './blob-store';
import { LocalDiskBlobStore } from './local-disk-blob-store';
import { BlobTooLarge, BlobTypeNotAllowed, defaultPolicy } from './policy';

// The smallest valid PNG: signature, IHDR, IDAT, IEND.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad8fa50000000049454e44ae426082',
  'hex',
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the local disk blob store', () => {
  const root = () => mkdtempSync(join(tmpdir(), 'otr-blobs-'));

  it('names a file by the SHA-256 of its bytes and stores the same bytes once', async () => {
    const store = new LocalDiskBlobStore(root());
    const a = await store.put(PNG, { contentType: 'image/png', filename: '现场照片.png' });
    const b = await store.put(Readable.from([PNG]), { contentType: 'image/png' });
    expect(a.sha256).toBe(sha(PNG));
    expect(b).toEqual(a);
    const { stream, blob } = await store.get(a.sha256);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PNG)).toBe(true);
    expect(blob).toEqual({
      sha256: sha(PNG),
      size: PNG.length,
      contentType: 'image/png',
      filename: '现场照片.png',
    });
  });

  it('refuses a file over the size limit while reading, writing nothing', async () => {
    const dir = root();
    const store = new LocalDiskBlobStore(dir, { ...defaultPolicy, maxBytes: 10 });
    await expect(store.put(Readable.from([PNG]), { contentType: 'image/png' })).rejects.toThrow(BlobTooLarge);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file whose bytes do not match its declared type, naming the field', async () => {
    const store = new LocalDiskBlobStore(root());
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const error = await store.put(exe, { contentType: 'image/png' }).catch((e) => e);
    expect(error).toBeInstanceOf(BlobTypeNotAllowed);
    expect(error.citation.field).toBe('file');
    await expect(store.put(PNG, { contentType: 'application/x-msdownload' })).rejects.toThrow(
      BlobTypeNotAllowed,
    );
    await expect(store.put(PNG, { contentType: 'text/plain' })).rejects.toThrow(BlobTypeNotAllowed);
  });

  it('says so when a blob is missing', async () => {
    const store = new LocalDiskBlobStore(root());
    await expect(store.get('0'.repeat(64))).rejects.toThrow(BlobNotFound);
    expect(await store.has('not-a-hash')).toBe(false);
  });

  it('stays consistent when the same content is stored concurrently', async () => {
    const store = new LocalDiskBlobStore(root());
    const text = Buffer.from('整改报告：已完成消防通道整改。');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.put(text, { contentType: 'text/plain' })),
    );
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect((await store.stat(sha(text))).size).toBe(text.length);
  });
});
