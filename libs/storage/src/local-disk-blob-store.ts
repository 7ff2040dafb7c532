import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobMeta, BlobNotFound, BlobStore, isSha256, StoredBlob } from './blob-store';
import { admit, defaultPolicy, StoragePolicy } from './policy';

/**
 * Files on local disk at <root>/<aa>/<bb>/<sha256>, metadata in <sha256>.json beside them.
 * A blob exists once its content file exists; the sidecar is always in place before that.
 */
export class LocalDiskBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly policy: StoragePolicy = defaultPolicy,
  ) {}

  async put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob> {
    const { bytes, contentType } = await admit(content, meta, this.policy);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(sha256)) return this.stat(sha256);

    const path = this.pathOf(sha256);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const blob: StoredBlob = {
      sha256,
      size: bytes.length,
      contentType,
      ...(meta.filename ? { filename: meta.filename } : {}),
    };
    try {
      await writeSynced(`${tmp}.json`, JSON.stringify(blob));
      // link() refuses an existing name: of concurrent puts the first sidecar wins and is never
      // seen half-written, so every caller gets the same metadata back.
      await link(`${tmp}.json`, `${path}.json`).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      // Temp file + rename: the final name only ever holds complete, synced content.
      await writeSynced(tmp, bytes);
      await rename(tmp, path);
    } finally {
      await Promise.all([rm(tmp, { force: true }), rm(`${tmp}.json`, { force: true })]);
    }
    return this.stat(sha256);
  }

  async get(sha256: string) {
    const blob = await this.stat(sha256);
    return { stream: createReadStream(this.pathOf(sha256)), blob };
  }

  async stat(sha256: string): Promise<StoredBlob> {
    if (!(await this.has(sha256))) throw new BlobNotFound(sha256);
    return JSON.parse(await readFile(`${this.pathOf(sha256)}.json`, 'utf8')) as StoredBlob;
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    const path = this.pathOf(sha256);
    // The content first: a blob exists while its content file does (the sidecar goes after).
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

/** Flushed to disk before the rename, so a power cut can't leave an empty file under the name. */
async function writeSynced(path: string, data: string | Buffer): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}
