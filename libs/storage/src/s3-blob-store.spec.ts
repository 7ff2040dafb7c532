import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobNotFound } from './blob-store';
import { BlobTypeNotAllowed } from './policy';
import { S3BlobStore } from './s3-blob-store';

/**
 * No S3 endpoint is reachable here. These tests check only what the store asks of the SDK and,
 * through a stub HTTP handler, what the real SDK would put on the wire. They say nothing about
 * whether a given server (AWS, MinIO, OSS, COS) accepts those requests.
 */
const text = Buffer.from('证据说明：现场照片三张。');
const sha = createHash('sha256').update(text).digest();

describe('the S3 blob store: commands sent to a hand-made client', () => {
  /** A client that remembers what it was sent and keeps one object's headers. */
  function fakeClient() {
    const sent: object[] = [];
    let head: object | undefined;
    const client = {
      send: async (cmd: object) => {
        sent.push(cmd);
        if (cmd instanceof PutObjectCommand) {
          const i = cmd.input;
          head = { ContentLength: i.ContentLength, ContentType: i.ContentType, Metadata: i.Metadata };
          return {};
        }
        if (!head)
          throw Object.assign(new Error('missing'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
        if (cmd instanceof GetObjectCommand) return { ...head, Body: Readable.from([text]) };
        return head;
      },
    };
    return { sent, client };
  }

  it('deletes by prefix + hash, and sends nothing for a malformed hash', async () => {
    const { sent, client } = fakeClient();
    const store = new S3BlobStore({ bucket: 'evidence', client: client as never, prefix: 'otr/' });
    await store.delete('ab'.repeat(32));
    await store.delete('../x');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(DeleteObjectCommand);
    expect((sent[0] as DeleteObjectCommand).input).toEqual({
      Bucket: 'evidence',
      Key: `otr/${'ab'.repeat(32)}`,
    });
  });

  it('uploads once under prefix + hash, with the SHA-256 checksum and the filename', async () => {
    const { sent, client } = fakeClient();
    const store = new S3BlobStore({ bucket: 'evidence', client: client as never, prefix: 'otr/' });
    const blob = await store.put(text, { contentType: 'text/plain', filename: '说明.txt' });
    const again = await store.put(Readable.from([text]), { contentType: 'text/plain' });

    expect(blob).toEqual({
      sha256: sha.toString('hex'),
      size: text.length,
      contentType: 'text/plain',
      filename: '说明.txt',
    });
    expect(again).toEqual(blob); // read back from HeadObject, filename decoded
    const puts = sent.filter((c) => c instanceof PutObjectCommand) as PutObjectCommand[];
    expect(puts).toHaveLength(1);
    expect(puts[0].input).toMatchObject({
      Bucket: 'evidence',
      Key: `otr/${blob.sha256}`,
      ContentType: 'text/plain',
      ContentLength: text.length,
      ChecksumSHA256: sha.toString('base64'),
      Metadata: { filename: encodeURIComponent('说明.txt') },
    });
  });

  it('streams a blob with one GetObject, and maps 404 to BlobNotFound', async () => {
    const { sent, client } = fakeClient();
    const store = new S3BlobStore({ bucket: 'b', client: client as never });
    await expect(store.get(createHash('sha256').update('x').digest('hex'))).rejects.toThrow(BlobNotFound);
    expect(await store.has(sha.toString('hex'))).toBe(false);

    await store.put(text, { contentType: 'text/plain' });
    sent.length = 0;
    const { stream, blob } = await store.get(sha.toString('hex'));
    expect(blob.size).toBe(text.length);
    expect(Buffer.concat(await stream.toArray()).equals(text)).toBe(true);
    expect(sent.map((c) => c.constructor.name)).toEqual(['GetObjectCommand']);
  });

  it('applies the policy before sending anything, and rejects malformed hashes locally', async () => {
    const { sent, client } = fakeClient();
    const store = new S3BlobStore({ bucket: 'b', client: client as never });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    await expect(store.put(exe, { contentType: 'application/pdf' })).rejects.toThrow(BlobTypeNotAllowed);
    await expect(store.stat('../other-bucket/key')).rejects.toThrow(BlobNotFound);
    expect(sent).toEqual([]);
  });

  it('rethrows errors other than a missing object', async () => {
    const denied = Object.assign(new Error('denied'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    const store = new S3BlobStore({
      bucket: 'b',
      client: { send: async () => Promise.reject(denied) } as never,
    });
    await expect(store.has(sha.toString('hex'))).rejects.toBe(denied);
  });
});

describe('the S3 blob store: HTTP requests from the real SDK, answered by a stub handler', () => {
  it('sends a signed path-style PUT with the checksum and metadata headers', async () => {
    const requests: { method: string; hostname: string; path: string; headers: Record<string, string> }[] =
      [];
    let status = 404; // the first HeadObject finds nothing, then the PUT succeeds
    const client = new S3Client({
      region: 'cn-north-1',
      endpoint: 'http://minio.test:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: (typeof requests)[number]) => {
          requests.push(request);
          const response = { statusCode: status, headers: {}, body: Readable.from([]) };
          status = 200;
          return { response };
        },
      },
    });
    const store = new S3BlobStore({ bucket: 'evidence', client, prefix: 'otr/' });
    const blob = await store.put(text, { contentType: 'text/plain', filename: '说明.txt' });

    expect(requests.map((r) => `${r.method} ${r.hostname}${r.path}`)).toEqual([
      `HEAD minio.test/evidence/otr/${blob.sha256}`,
      `PUT minio.test/evidence/otr/${blob.sha256}`,
    ]);
    expect(requests[1].headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': String(text.length),
      'x-amz-checksum-sha256': sha.toString('base64'),
      'x-amz-meta-filename': encodeURIComponent('说明.txt'),
    });
    expect(requests[1].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 .*x-amz-checksum-sha256/);
  });
});
