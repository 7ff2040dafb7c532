import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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
const roots: string[] = [];
const tempRoot = () => {
  roots.push(mkdtempSync(join(tmpdir(), 'otr-blobs-')));
  return roots[roots.length - 1];
};
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Every file under dir, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('the local disk blob store', () => {
  it('stores the same bytes once, under <aa>/<bb>/<sha256> with a JSON sidecar', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const a = await store.put(PNG, { contentType: 'image/png', filename: '现场照片.png' });
    const b = await store.put(Readable.from([PNG]), { contentType: 'image/png', filename: 'again.png' });

    const h = sha(PNG);
    expect(a).toEqual({ sha256: h, size: PNG.length, contentType: 'image/png', filename: '现场照片.png' });
    expect(b).toEqual(a); // the first upload's metadata stays
    expect(filesUnder(root)).toEqual([
      join(h.slice(0, 2), h.slice(2, 4), h),
      join(h.slice(0, 2), h.slice(2, 4), `${h}.json`),
    ]);
  });

  it('gives back bytes whose SHA-256 is the name they were stored under', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const { sha256 } = await store.put(PNG, { contentType: 'image/png' });
    const { stream, blob } = await store.get(sha256);
    expect(sha(await readAll(stream))).toBe(sha256);
    expect(sha(readFileSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)))).toBe(sha256);
    expect(blob).toEqual(await store.stat(sha256));
    expect(await store.has(sha256)).toBe(true);
  });

  it('refuses a file over the size limit, writing nothing', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root, { ...defaultPolicy, maxBytes: 10 });
    const error = await store.put(PNG, { contentType: 'image/png', field: 'licensePhoto' }).catch((e) => e);
    expect(error).toBeInstanceOf(BlobTooLarge);
    expect(error.citation).toEqual({ field: 'licensePhoto', rule: 'at most 10 bytes' });
    await expect(store.put(Readable.from([PNG]), { contentType: 'image/png' })).rejects.toThrow(BlobTooLarge);
    expect(filesUnder(root)).toEqual([]);
  });

  it('stops reading a stream once it passes the limit, so endless input is refused', async () => {
    const store = new LocalDiskBlobStore(tempRoot(), { ...defaultPolicy, maxBytes: 1024 });
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 256;
        this.push(Buffer.alloc(256, 0x61));
      },
    });
    await expect(store.put(endless, { contentType: 'text/plain' })).rejects.toThrow(BlobTooLarge);
    expect(endless.destroyed).toBe(true);
    expect(produced).toBeLessThan(64 * 1024); // a few chunks of read-ahead, not the whole stream
  });

  it('refuses content whose magic bytes contradict the declared type, naming the field and rule', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]); // a renamed .exe
    const error = await store.put(exe, { contentType: 'image/png', field: 'evidence' }).catch((e) => e);
    expect(error).toBeInstanceOf(BlobTypeNotAllowed);
    expect(error.message).toContain('application/x-msdownload');
    expect(error.citation.field).toBe('evidence');
    expect(error.citation.rule).toContain('image/png');

    await expect(store.put(exe, { contentType: 'application/x-msdownload' })).rejects.toThrow(
      BlobTypeNotAllowed,
    );
    await expect(store.put(PNG, { contentType: 'image/jpeg' })).rejects.toThrow(BlobTypeNotAllowed);
    await expect(store.put(PNG, { contentType: 'text/plain' })).rejects.toThrow(BlobTypeNotAllowed);
    expect(filesUnder(root)).toEqual([]);
  });

  it('says NotFound for a missing blob, and never turns a malformed hash into a path', async () => {
    const store = new LocalDiskBlobStore(tempRoot());
    await expect(store.get('0'.repeat(64))).rejects.toThrow(BlobNotFound);
    await expect(store.stat('0'.repeat(64))).rejects.toMatchObject({
      kind: 'not-found',
      sha256: '0'.repeat(64),
    });
    await expect(store.get('../../etc/passwd')).rejects.toThrow(BlobNotFound);
    expect(await store.has('not-a-hash')).toBe(false);
  });

  it('gives every concurrent put of the same content the same blob, and leaves one copy', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const text = Buffer.from('整改报告：已完成消防通道整改。');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.put(text, { contentType: 'text/plain', filename: `r${i}.txt` }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toEqual(await store.stat(sha(text)));
    expect(filesUnder(root)).toHaveLength(2); // content + sidecar, no temp files left behind
  });

  it('does not count what an interrupted put left behind as a blob, and completes over it', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const h = sha(PNG);
    const dir = join(root, h.slice(0, 2), h.slice(2, 4));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${h}.0badc0ffee.tmp`), PNG.subarray(0, 10)); // half a file, temp name
    expect(await store.has(h)).toBe(false);
    await store.put(PNG, { contentType: 'image/png' });
    expect(sha(await readAll((await store.get(h)).stream))).toBe(h);
  });
});

describe('deleting a blob', () => {
  it('removes its content and sidecar, leaves other blobs, and ignores what is absent or malformed', async () => {
    const root = tempRoot();
    const store = new LocalDiskBlobStore(root);
    const kept = await store.put(PNG, { contentType: 'image/png' });
    const text = Buffer.from('说明');
    const gone = await store.put(text, { contentType: 'text/plain' });
    await store.delete(gone.sha256);
    expect(await store.has(gone.sha256)).toBe(false);
    await expect(store.stat(gone.sha256)).rejects.toBeInstanceOf(BlobNotFound);
    expect(filesUnder(root).filter((f) => f.includes(gone.sha256))).toEqual([]);
    expect(await store.has(kept.sha256)).toBe(true);
    await store.delete(gone.sha256);
    await store.delete('../../etc/passwd');
    expect(sha(text)).toBe(gone.sha256);
  });
});
