import { DomainError } from '@otr/kernel';

/** A client sent more than its share in the window; `retryAfterSeconds` says when it may again. */
export class UploadQuotaExceeded extends DomainError {
  readonly code = 'storage.UploadQuotaExceeded';
  override readonly kind = 'forbidden' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    rule: string,
  ) {
    super(message, { field: 'evidence', rule });
  }
}

export interface UploadQuotaLimits {
  /** Files one client may store in a window. */
  files: number;
  /** Bytes one client may store in a window. */
  bytes: number;
  windowMs: number;
  /** Clients remembered at once; the oldest windows are forgotten first, so memory is bounded too. */
  maxClients: number;
}

/**
 * A per-client quota on what anonymous uploads may store (a fixed window per client, in memory):
 * whoever can reach a public upload could otherwise fill the disk. Per process: with several
 * instances each allows its own share, which still bounds the total.
 */
export class UploadQuota {
  private readonly used = new Map<string, { since: number; files: number; bytes: number }>();

  constructor(
    private readonly limits: UploadQuotaLimits,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records an upload of `files` files and `bytes` bytes by `client`, or refuses it whole. */
  charge(client: string, files: number, bytes: number): void {
    const now = this.now();
    let u = this.used.get(client);
    if (!u || now - u.since >= this.limits.windowMs) {
      this.used.delete(client);
      u = { since: now, files: 0, bytes: 0 };
    }
    if (u.files + files > this.limits.files || u.bytes + bytes > this.limits.bytes) {
      const retryAfterSeconds = Math.ceil((u.since + this.limits.windowMs - now) / 1000);
      throw new UploadQuotaExceeded(
        `this client has uploaded its share; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
        `at most ${this.limits.files} files and ${this.limits.bytes} bytes per client every ${this.limits.windowMs / 1000} s`,
      );
    }
    u.files += files;
    u.bytes += bytes;
    this.used.set(client, u); // re-inserted: the map's order is the order windows were last used
    while (this.used.size > this.limits.maxClients) this.used.delete(this.used.keys().next().value!);
  }
}
