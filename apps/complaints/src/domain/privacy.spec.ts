import { hashAccessCode, newAccessCode, newTrackingNumber, verifyAccessCode } from './access-code';
import { route, sign } from './complaint';
import {
  after,
  bj,
  clock,
  counterRandom,
  education,
  file,
  market,
  official,
  system,
} from './complaint.fixture';
import { complainantFor, institutionView, maskName, maskPhone, publicView } from './privacy';
import { DEFAULT_ROUTES } from './routing';

const signedComplaint = () => {
  const { state } = file();
  const routed = after(
    state,
    route(state, { table: DEFAULT_ROUTES, at: bj('2026-09-29T10:00:00'), by: system }, clock),
  );
  return after(routed, sign(routed, { at: bj('2026-09-29T11:00:00'), by: education }));
};

describe('the complainant’s privacy', () => {
  it('masks a name to its surname and a mobile number to its first three and last four digits', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('*');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskPhone('0571-87654321')).toBe('********4321');
  });

  it('keeps only masks and an opaque reference in the complaint, never the clear name or phone', () => {
    const text = JSON.stringify(signedComplaint());
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13812341234');
  });

  it('shows the identity to the assigned handlers (city officials of the lead department too), a mask to another supervisor, and nothing to anyone else', () => {
    const c = signedComplaint();
    expect(complainantFor(education, c)).toEqual({
      visibility: 'clear',
      identityRef: 'identity-1',
      name: '王**',
      phone: '138****1234',
    });
    const supervisor = official('market-regulation', { jurisdiction: 'CN-ZJ-HZ', supervisor: true });
    expect(complainantFor(supervisor, c)).toEqual({
      visibility: 'masked',
      name: '王**',
      phone: '138****1234',
    });
    expect(complainantFor(market, c)).toEqual({ visibility: 'hidden' });
    expect(complainantFor({ kind: 'institution', institutionId: 'inst-1' }, c)).toEqual({
      visibility: 'hidden',
    });
    expect(complainantFor(education, file({ complainant: { anonymous: true } }).state)).toEqual({
      visibility: 'anonymous',
    });
  });

  it('gives the public view and the institution view no complainant, access-code hash, handler notes or actors', () => {
    const c = signedComplaint();
    for (const view of [publicView(c), institutionView(c)]) {
      const text = JSON.stringify(view);
      expect(text).not.toMatch(/王|138|identity-1|phone-hash|scrypt|u-education/);
    }
    expect(publicView(c).timeline.map((t) => t.step)).toEqual(['accepted', 'routed', 'signed']);
    expect(publicView(c)).not.toHaveProperty('reply');
  });
});

describe('tracking numbers and access codes', () => {
  it('dates the tracking number in Beijing time', () => {
    expect(newTrackingNumber(counterRandom(), new Date('2026-09-29T17:00:00Z'))).toMatch(/^TS20260930-/);
  });

  it('verifies the code it hashed, however it is typed, and nothing else', () => {
    const code = newAccessCode(counterRandom());
    const stored = hashAccessCode(code, counterRandom());
    expect(verifyAccessCode(code, stored)).toBe(true);
    expect(verifyAccessCode(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`, stored)).toBe(true);
    expect(verifyAccessCode('00000000', stored)).toBe(false);
    expect(verifyAccessCode(code, stored.replace('scrypt', 'sha256'))).toBe(false);
  });
});
