import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { BlobStore } from './blob-store';
import { LocalDiskBlobStore } from './local-disk-blob-store';
import { StoragePolicy } from './policy';
import { S3BlobStore } from './s3-blob-store';

/** <repo>/.data/blobs, beside the embedded database's .data/pg (git-ignored). */
export const defaultBlobDir = join(__dirname, '..', '..', '..', '.data', 'blobs');

/**
 * STORAGE_DRIVER=local (default): STORAGE_DIR, or <repo>/.data/blobs.
 * STORAGE_DRIVER=s3: S3_BUCKET (required), S3_ENDPOINT (MinIO/OSS/COS; path-style addressing),
 * S3_REGION (default us-east-1), S3_PREFIX; credentials from the SDK's usual chain (AWS_ACCESS_KEY_ID…).
 */
export function createBlobStore(env: NodeJS.ProcessEnv = process.env, policy?: StoragePolicy): BlobStore {
  const driver = env.STORAGE_DRIVER || 'local';
  if (driver === 'local') return new LocalDiskBlobStore(env.STORAGE_DIR || defaultBlobDir, policy);
  if (driver === 's3') {
    if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
    const client = new S3Client({
      region: env.S3_REGION || 'us-east-1',
      // S3-compatible servers are usually addressed by path, not by bucket subdomain.
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
    });
    return new S3BlobStore({ bucket: env.S3_BUCKET, client, prefix: env.S3_PREFIX, policy });
  }
  // A typo must not silently fall back to local disk on a deployment that expects S3.
  throw new Error(`STORAGE_DRIVER must be local or s3, not ${driver}`);
}
