import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { BlobNotFound } from './blob-store';
import { S3BlobStore } from './s3-blob-store';

/**
 * No S3 endpoint is reachable here, so this checks only what the store asks of the SDK: the key
 * is the content hash, the checksum travels with the upload, a 404 is BlobNotFound.
 */
describe('the S3 blob store (requests only)', () => {
  const text = Buffer.from('证据说明');

  it('uploads under the content hash with a SHA-256 checksum, once', async () => {
    const sent: unknown[] = [];
    let stored = false;
    const client = {
      send: async (cmd: unknown) => {
        sent.push(cmd);
        if (cmd instanceof HeadObjectCommand) {
          if (!stored) throw Object.assign(new Error('nf'), { name: 'NotFound' });
          return { ContentLength: text.length, ContentType: 'text/plain' };
        }
        if (cmd instanceof PutObjectCommand) stored = true;
        return {};
      },
    };
    const store = new S3BlobStore({ bucket: 'evidence', client: client as never, prefix: 'otr/' });
    const blob = await store.put(text, { contentType: 'text/plain' });
    await store.put(text, { contentType: 'text/plain' });
    const puts = sent.filter((c) => c instanceof PutObjectCommand) as PutObjectCommand[];
    expect(puts).toHaveLength(1);
    expect(puts[0].input).toMatchObject({
      Bucket: 'evidence',
      Key: `otr/${blob.sha256}`,
      ContentType: 'text/plain',
    });
    expect(puts[0].input.ChecksumSHA256).toBe(Buffer.from(blob.sha256, 'hex').toString('base64'));
  });

  it('turns a 404 into BlobNotFound', async () => {
    const client = {
      send: async (cmd: unknown) => {
        if (cmd instanceof HeadObjectCommand || cmd instanceof GetObjectCommand)
          throw Object.assign(new Error('x'), { $metadata: { httpStatusCode: 404 } });
        return {};
      },
    };
    const store = new S3BlobStore({ bucket: 'b', client: client as never });
    await expect(store.get('a'.repeat(64))).rejects.toThrow(BlobNotFound);
  });
});
