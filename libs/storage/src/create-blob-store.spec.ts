import { join } from 'node:path';
import { createBlobStore, defaultBlobDir } from './create-blob-store';
import { LocalDiskBlobStore } from './local-disk-blob-store';
import { S3BlobStore } from './s3-blob-store';

describe('createBlobStore', () => {
  it('uses local disk under <repo>/.data/blobs unless told otherwise', () => {
    expect(createBlobStore({})).toBeInstanceOf(LocalDiskBlobStore);
    expect(defaultBlobDir).toBe(join(__dirname, '..', '..', '..', '.data', 'blobs'));
  });

  it('builds an S3 store for STORAGE_DRIVER=s3, which needs a bucket', () => {
    const env = { STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'cn-north-1' };
    expect(() => createBlobStore(env)).toThrow(/S3_BUCKET/);
    expect(createBlobStore({ ...env, S3_BUCKET: 'evidence' })).toBeInstanceOf(S3BlobStore);
  });

  it('refuses an unknown driver instead of falling back to local disk', () => {
    expect(() => createBlobStore({ STORAGE_DRIVER: 'S3 ' })).toThrow(/STORAGE_DRIVER/);
  });
});
