import type { Readable } from 'node:stream';
import { DomainError } from '@otr/kernel';

/** A stored document or evidence file, named by the SHA-256 (lowercase hex) of its bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
  contentType: string;
  filename?: string;
}

export interface BlobMeta {
  /** The declared type; checked against the policy and the content's magic bytes. */
  contentType: string;
  filename?: string;
  /** The form field the file came in, named in policy errors; 'file' if not given. */
  field?: string;
}

/** The storage port: license materials, inspection photos, complaint evidence. */
export interface BlobStore {
  /**
   * Stores once per content: the same bytes twice give the same hash, and the metadata of the
   * first upload stays (a later upload of the same bytes gets that blob back).
   */
  put(content: Buffer | Readable, meta: BlobMeta): Promise<StoredBlob>;
  /** Throws BlobNotFound. */
  get(sha256: string): Promise<{ stream: Readable; blob: StoredBlob }>;
  /** Throws BlobNotFound. */
  stat(sha256: string): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  /**
   * Removes a blob (nothing if absent). Content is shared by hash: only a caller that knows no
   * record cites it — e.g. the upload of a refused complaint that created it — deletes it.
   */
  delete(sha256: string): Promise<void>;
}

/** A DomainError of kind 'not-found', so the errors filter answers 404. */
export class BlobNotFound extends DomainError {
  readonly code = 'storage.BlobNotFound';
  override readonly kind = 'not-found' as const;
  constructor(readonly sha256: string) {
    super(`no blob ${sha256}`, { field: 'sha256' });
  }
}

/** Only well-formed hashes reach a path or key, so a caller's string can't walk the tree. */
export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);
