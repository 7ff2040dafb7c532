import { checkEvidence, evidenceLimitsFor } from './evidence';

const MB = 1024 * 1024;
const file = (n: number, size: number) => ({ sha256: String(n).repeat(64), contentType: 'image/jpeg', size });

describe('what one complaint may carry as evidence (证据材料)', () => {
  it('an identified complaint: five files, 25 MB in all', () => {
    expect(checkEvidence([1, 2, 3, 4, 5].map((n) => file(n, 5 * MB)))).toHaveLength(5);
    expect(() => checkEvidence([1, 2, 3].map((n) => file(n, 9 * MB)))).toThrow(
      expect.objectContaining({
        citation: expect.objectContaining({ field: 'evidence', rule: 'at most 25 MB in all' }),
      }),
    );
  });

  it('an anonymous tip: what one complaint needs and no more — three files, 10 MB in all', () => {
    const anonymous = evidenceLimitsFor(true);
    expect(
      checkEvidence(
        [1, 2, 3].map((n) => file(n, 3 * MB)),
        anonymous,
      ),
    ).toHaveLength(3);
    expect(() =>
      checkEvidence(
        [1, 2, 3, 4].map((n) => file(n, MB)),
        anonymous,
      ),
    ).toThrow(expect.objectContaining({ citation: expect.objectContaining({ rule: 'at most 3 files' }) }));
    expect(() =>
      checkEvidence(
        [1, 2].map((n) => file(n, 6 * MB)),
        anonymous,
      ),
    ).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ rule: 'at most 10 MB in all' }) }),
    );
  });

  it('counts each content once', () => {
    expect(checkEvidence([file(1, 9 * MB), file(1, 9 * MB), file(2, 9 * MB)])).toHaveLength(2);
  });
});
