import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { BlobMeta, BlobNotFound, BlobStore, isSha256, StoredBlob } from './blob-store';
import { admit, defaultPolicy, StoragePolicy } from './policy';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Only send() is used, so tests and wrappers can pass anything with it. */
  client: Pick<S3Client, 'send'>;
  /** Key prefix, e.g. 'otr/blobs/'; the key is prefix + sha256. Default 'blobs/'. */
  prefix?: string;
  policy?: StoragePolicy;
}

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}
// HeadObject has no body, so the SDK can only say NotFound; GetObject says NoSuchKey.
const isMissing = (e: unknown) =>
  (e as SdkError).$metadata?.httpStatusCode === 404 ||
  ['NotFound', 'NoSuchKey'].includes((e as SdkError).name ?? '');

/** S3-compatible object storage (AWS, MinIO, OSS, COS) for deployments; the key is the content hash. */
export class S3BlobStore implements BlobStore {
  private readonly policy: StoragePolicy;
  private readonly prefix: string;

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.policy = opts.policy ?? defaultPolicy;
    this.prefix = opts.prefix ?? 'blobs/';
  }

  async put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob> {
    const { bytes, contentType } = await admit(content, meta, this.policy);
    const digest = createHash('sha256').update(bytes).digest();
    const sha256 = digest.toString('hex');
    const existing = await this.stat(sha256).catch((e) =>
      e instanceof BlobNotFound ? undefined : Promise.reject(e),
    );
    if (existing) return existing;
    await this.opts.client.send(
      new PutObjectCommand({
        Bucket: this.opts.bucket,
        Key: this.key(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: contentType,
        // The server recomputes it and refuses the upload if the bytes arrived damaged.
        ChecksumSHA256: digest.toString('base64'),
        // User metadata travels as ASCII headers; a Chinese filename must be encoded.
        Metadata: meta.filename ? { filename: encodeURIComponent(meta.filename) } : undefined,
      }),
    );
    return { sha256, size: bytes.length, contentType, ...(meta.filename ? { filename: meta.filename } : {}) };
  }

  /** One GetObject: its response carries the same headers HeadObject would. */
  async get(sha256: string) {
    if (!isSha256(sha256)) throw new BlobNotFound(sha256);
    const out = await this.opts.client
      .send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }))
      .catch((e) => Promise.reject(isMissing(e) ? new BlobNotFound(sha256) : e));
    return { stream: out.Body as Readable, blob: this.blobOf(sha256, out) };
  }

  async stat(sha256: string): Promise<StoredBlob> {
    if (!isSha256(sha256)) throw new BlobNotFound(sha256);
    const head = await this.opts.client
      .send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }))
      .catch((e) => Promise.reject(isMissing(e) ? new BlobNotFound(sha256) : e));
    return this.blobOf(sha256, head);
  }

  async has(sha256: string): Promise<boolean> {
    return this.stat(sha256).then(
      () => true,
      (e) => (e instanceof BlobNotFound ? false : Promise.reject(e)),
    );
  }

  async delete(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    // S3 answers a delete of a missing key with success; some compatible servers say 404.
    await this.opts.client
      .send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }))
      .catch((e) => (isMissing(e) ? undefined : Promise.reject(e)));
  }

  private blobOf(
    sha256: string,
    head: { ContentLength?: number; ContentType?: string; Metadata?: Record<string, string> },
  ): StoredBlob {
    const filename = head.Metadata?.filename;
    return {
      sha256,
      size: head.ContentLength ?? 0,
      contentType: head.ContentType ?? 'application/octet-stream',
      ...(filename ? { filename: decodeURIComponent(filename) } : {}),
    };
  }

  private key(sha256: string) {
    return `${this.prefix}${sha256}`;
  }
}
