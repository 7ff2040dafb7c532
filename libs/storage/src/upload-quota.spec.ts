import { UploadQuota, UploadQuotaExceeded } from './upload-quota';

describe('the per-client upload quota', () => {
  const limits = { files: 10, bytes: 1_000, windowMs: 60_000, maxClients: 3 };
  let t = 0;
  const quota = () => new UploadQuota(limits, () => t);
  beforeEach(() => (t = 0));

  it('lets a client upload up to its share in a window, then refuses with when to retry', () => {
    const q = quota();
    q.charge('1.2.3.4', 5, 600);
    q.charge('1.2.3.4', 5, 400);
    t = 15_000;
    expect(() => q.charge('1.2.3.4', 1, 1)).toThrow(UploadQuotaExceeded);
    try {
      q.charge('1.2.3.4', 1, 1);
    } catch (e) {
      expect((e as UploadQuotaExceeded).retryAfterSeconds).toBe(45);
    }
  });

  it('refuses an upload that would pass the byte share, whole', () => {
    const q = quota();
    q.charge('a', 1, 900);
    expect(() => q.charge('a', 1, 200)).toThrow(UploadQuotaExceeded);
    q.charge('a', 1, 100); // the refused one took nothing
  });

  it('gives each client its own share, and a new one after the window', () => {
    const q = quota();
    q.charge('a', 10, 1_000);
    q.charge('b', 10, 1_000);
    t = 60_000;
    q.charge('a', 10, 1_000);
  });

  it('remembers a bounded number of clients', () => {
    const q = quota();
    for (const c of ['a', 'b', 'c', 'd']) q.charge(c, 10, 1_000);
    // 'a' was forgotten (the oldest); 'd' is still full
    q.charge('a', 1, 1);
    expect(() => q.charge('d', 1, 1)).toThrow(UploadQuotaExceeded);
  });
});
