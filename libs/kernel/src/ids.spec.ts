import { isUuid, newId } from './ids';

describe('ids', () => {
  it('mints distinct version-4 UUIDs', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
  });

  it('recognises UUIDs and nothing else', () => {
    expect(isUuid(newId())).toBe(true);
    expect(isUuid('0190b6f4-3c1e-7a2b-9c4d-5e6f7a8b9c0d')).toBe(true); // v7
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(false);
  });
});
