import type { Readable } from 'node:stream';

/** A stored document or evidence file, named by the SHA-256 of its bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
  contentType: string;
  filename?: string;
}

export interface BlobMeta {
  contentType: string;
  filename?: string;
}

/** The storage port: license materials, inspection photos, complaint evidence. */
export interface BlobStore {
  /** Stores once per content: the same bytes twice give the same blob. */
  put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob>;
  get(sha256: string): Promise<{ stream: Readable; blob: StoredBlob }>;
  stat(sha256: string): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
}

export class BlobNotFound extends Error {
  readonly code = 'storage.BlobNotFound';
  constructor(readonly sha256: string) {
    super(`no blob ${sha256}`);
    this.name = 'BlobNotFound';
  }
}

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);
