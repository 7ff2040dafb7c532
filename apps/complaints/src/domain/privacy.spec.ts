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
import {
  complainantFor,
  handlingOfficer,
  institutionView,
  maskName,
  maskPersonalData,
  maskPhone,
  mayRevealIdentity,
  publicView,
} from './privacy';
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

  it('lets the handling officer (who signed) and their supervisor (the lead department’s approver in the district) reveal the identity; other handlers, city officials and fund supervisors see the mask', () => {
    const c = signedComplaint();
    const clear = { visibility: 'clear', identityRef: 'identity-1', name: '王**', phone: '138****1234' };
    const masked = { visibility: 'masked', name: '王**', phone: '138****1234' };
    // the education official who signed the work order handles it
    expect(handlingOfficer(c)).toBe(education.kind === 'official' ? education.userId : undefined);
    expect(complainantFor(education, c)).toEqual(clear);
    // the lead department's approver in the district supervises the handling officer
    const sectionHead = official('education', { roles: ['approver'], userId: 'u-edu-head' });
    expect(complainantFor(sectionHead, c)).toEqual(clear);
    // another officer of the lead department, a city-level approver, a city fund supervisor: masked at most
    const colleague = official('education', { roles: ['task-force-officer'], userId: 'u-edu-2' });
    expect(complainantFor(colleague, c)).toEqual(masked);
    const cityApprover = official('education', {
      roles: ['approver'],
      jurisdiction: 'CN-ZJ-HZ',
      supervisor: true,
      userId: 'u-edu-city',
    });
    expect(complainantFor(cityApprover, c)).toEqual(masked);
    const cityFunds = official('education', {
      roles: ['fund-supervisor'],
      jurisdiction: 'CN-ZJ-HZ',
      supervisor: true,
      userId: 'u-funds-city',
    });
    expect(complainantFor(cityFunds, c)).toEqual(masked);
    // another department's approver in the district is not the supervisor of this officer
    expect(complainantFor(official('market-regulation', { roles: ['approver'] }), c)).toEqual({
      visibility: 'hidden',
    });
    expect(complainantFor(market, c)).toEqual({ visibility: 'hidden' });
    expect(complainantFor({ kind: 'institution', institutionId: 'inst-1' }, c)).toEqual({
      visibility: 'hidden',
    });
    expect(complainantFor(education, file({ complainant: { anonymous: true } }).state)).toEqual({
      visibility: 'anonymous',
    });
  });

  it('before anyone signed, only the supervisor may reveal', () => {
    const { state } = file();
    const routed = after(
      state,
      route(state, { table: DEFAULT_ROUTES, at: bj('2026-09-29T10:00:00'), by: system }, clock),
    );
    expect(handlingOfficer(routed)).toBeUndefined();
    const officer = official('education', { roles: ['task-force-officer'], userId: 'u-edu-2' });
    expect(mayRevealIdentity(officer, routed)).toBe(false);
    expect(mayRevealIdentity(official('education', { roles: ['approver'], userId: 'u-head' }), routed)).toBe(
      true,
    );
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

describe('what the complainant wrote, on its way to the institution', () => {
  it.each([
    ['a mobile number', '请联系我13812345678，谢谢', '请联系我[电话已隐去]，谢谢'],
    ['a mobile number with +86 and blanks', '电话 +86 138 1234 5678。', '电话 [电话已隐去]。'],
    ['a mobile number with dashes', '138-1234-5678', '[电话已隐去]'],
    ['full-width digits', '电话１３８１２３４５６７８', '电话[电话已隐去]'],
    ['a landline', '家里0571-87654321', '家里[电话已隐去]'],
    ['an 18-digit resident ID', '孩子身份证33010620150101123X报名', '孩子身份证[身份证号已隐去]报名'],
    ['a 15-digit old ID', '身份证330106850101123', '身份证[身份证号已隐去]'],
    ['an email', '邮箱 wang.xm@example.com 可联系', '邮箱 [邮箱已隐去] 可联系'],
  ])('masks %s', (_what, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('leaves amounts, dates, hours and license numbers alone', () => {
    const text = '2026年9月交了12800元，共48课时，许可证号教民133010670000123号';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('gives the institution the description with phone, ID number and email masked', () => {
    const { state } = file({
      description:
        '我是家长，电话13812345678，孩子身份证33010620150101123X，邮箱wang@example.com，机构拒绝退费。',
    });
    const view = institutionView(state);
    expect(view.description).not.toMatch(/13812345678|33010620150101123X|wang@example\.com/);
    expect(view.description).toContain('机构拒绝退费');
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
