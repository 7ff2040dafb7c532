import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobMeta, BlobNotFound, BlobStore, isSha256, StoredBlob } from './blob-store';
import { checkType, defaultPolicy, readLimited, StoragePolicy } from './policy';

/** Files on local disk at <root>/<aa>/<bb>/<sha256>, with a JSON sidecar for the metadata. */
export class LocalDiskBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly policy: StoragePolicy = defaultPolicy,
  ) {}

  async put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob> {
    const bytes = await readLimited(content, this.policy);
    await checkType(bytes, meta.contentType, this.policy);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const blob: StoredBlob = {
      sha256,
      size: bytes.length,
      contentType: meta.contentType,
      ...(meta.filename ? { filename: meta.filename } : {}),
    };
    if (await this.has(sha256)) return this.stat(sha256);
    const path = this.pathOf(sha256);
    await mkdir(join(path, '..'), { recursive: true });
    // Write under a temporary name and rename: a crash never leaves a half file under the final name.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(`${tmp}.json`, JSON.stringify(blob));
    await rename(`${tmp}.json`, `${path}.json`);
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return blob;
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

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
