import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobMeta, BlobNotFound, BlobStore, isSha256, StoredBlob } from './blob-store';
import { checkType, defaultPolicy, readLimited, StoragePolicy } from './policy';

export interface S3BlobStoreOptions {
  bucket: string;
  client: Pick<S3Client, 'send'>;
  prefix?: string;
  policy?: StoragePolicy;
}

const notFound = (error: unknown) =>
  (error as { name?: string; $metadata?: { httpStatusCode?: number } }).name === 'NotFound' ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** S3-compatible object storage (MinIO, OSS, COS) for deployments; the key is the content hash. */
export class S3BlobStore implements BlobStore {
  private readonly policy: StoragePolicy;

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.policy = opts.policy ?? defaultPolicy;
  }

  async put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob> {
    const bytes = await readLimited(content, this.policy);
    await checkType(bytes, meta.contentType, this.policy);
    const digest = createHash('sha256').update(bytes);
    const sha256 = digest.copy().digest('hex');
    if (await this.has(sha256)) return this.stat(sha256);
    await this.opts.client.send(
      new PutObjectCommand({
        Bucket: this.opts.bucket,
        Key: this.key(sha256),
        Body: bytes,
        ContentType: meta.contentType,
        ChecksumSHA256: digest.digest('base64'), // the store verifies the bytes it received
        Metadata: meta.filename ? { filename: encodeURIComponent(meta.filename) } : undefined,
      }),
    );
    return {
      sha256,
      size: bytes.length,
      contentType: meta.contentType,
      ...(meta.filename ? { filename: meta.filename } : {}),
    };
  }

  async get(sha256: string) {
    const blob = await this.stat(sha256);
    const out = await this.opts.client.send(
      new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }),
    );
    return { stream: out.Body as Readable, blob };
  }

  async stat(sha256: string): Promise<StoredBlob> {
    if (!isSha256(sha256)) throw new BlobNotFound(sha256);
    try {
      const head = await this.opts.client.send(
        new HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }),
      );
      const filename = head.Metadata?.filename;
      return {
        sha256,
        size: head.ContentLength ?? 0,
        contentType: head.ContentType ?? 'application/octet-stream',
        ...(filename ? { filename: decodeURIComponent(filename) } : {}),
      };
    } catch (error) {
      if (notFound(error)) throw new BlobNotFound(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return this.stat(sha256).then(
      () => true,
      (e) => (e instanceof BlobNotFound ? false : Promise.reject(e)),
    );
  }

  private key(sha256: string) {
    return `${this.opts.prefix ?? 'blobs/'}${sha256}`;
  }
}
