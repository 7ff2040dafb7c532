import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { BlobStore } from './blob-store';
import { LocalDiskBlobStore } from './local-disk-blob-store';
import { S3BlobStore } from './s3-blob-store';

export * from './blob-store';
export * from './policy';
export * from './local-disk-blob-store';
export * from './s3-blob-store';

/** STORAGE_DRIVER=local (default, STORAGE_DIR or .data/blobs) or s3 (S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_PREFIX). */
export function createBlobStore(env = process.env): BlobStore {
  if (env.STORAGE_DRIVER === 's3') {
    if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
    const client = new S3Client({
      region: env.S3_REGION ?? 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
    });
    return new S3BlobStore({ bucket: env.S3_BUCKET, client, prefix: env.S3_PREFIX });
  }
  return new LocalDiskBlobStore(env.STORAGE_DIR ?? join(__dirname, '..', '..', '..', '.data', 'blobs'));
}
