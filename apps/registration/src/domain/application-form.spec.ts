import { ApplicationForm } from './application-form';
import { CourseFiling, StaffFiling } from './filings';
import { LicensingRuleViolated } from './errors';
import { assertNameFree } from './institution-name';

/** What the white list publishes is checked where it enters: these were accepted and published. */
const form = {
  institutionName: '杭州西湖区卓越游泳体育培训有限公司',
  legalForm: 'for-profit',
  category: 'sports',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '浙江省杭州市西湖区古墩路88号',
  location: { lat: 30.27, lng: 120.13 },
  venue: { area: 400, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '赵强',
  ageGroups: ['primary'],
};
const course = {
  name: '少儿游泳',
  subject: '游泳',
  mode: 'offline',
  gradeLevels: ['primary'],
  outline: '蛙泳、自由泳，每周两次。',
  totalHours: 24,
  lessonMinutes: 60,
  maxClassSize: 10,
  priceFen: 288000,
};
const staff = { name: '李华', idNumber: '33010619900101123X', role: 'other' };

/** The field paths a schema refuses the value with. */
const refused = (
  schema: typeof ApplicationForm | typeof CourseFiling | typeof StaffFiling,
  value: unknown,
) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('an application form, checked before anything is published', () => {
  it('accepts a sound form and normalises its name (NFKC)', () => {
    expect(refused(ApplicationForm, form)).toEqual([]);
    expect(ApplicationForm.parse({ ...form, institutionName: '杭州ＡＢＣ游泳培训' }).institutionName).toBe(
      '杭州ABC游泳培训',
    );
  });

  it.each([
    ['a zero-width space in the name', { institutionName: '杭州西湖\u200b游泳培训' }, 'institutionName'],
    ['an RTL override in the name', { institutionName: '杭州\u202e训培泳游' }, 'institutionName'],
    ['a Cyrillic look-alike in the name', { institutionName: 'Hаngzhou Swim 杭州' }, 'institutionName'],
    ['a 1e300 m² venue', { venue: { ...form.venue, area: 1e300 } }, 'venue.area'],
    ['a class of a million', { venue: { ...form.venue, maxClassSize: 1_000_000 } }, 'venue.maxClassSize'],
    ['an unknown district', { district: 'CN-ZJ-HZ-ZZ' }, 'district'],
    ['a location at (0,0)', { location: { lat: 0, lng: 0 } }, 'location.lat'],
    ['a location in Paris', { location: { lat: 48.85, lng: 2.35 } }, 'location.lng'],
    [
      'an RTL override in the legal representative',
      { legalRepresentative: '赵\u202e强' },
      'legalRepresentative',
    ],
  ])('refuses %s, naming the field', (_what, change, field) => {
    expect(refused(ApplicationForm, { ...form, ...change })).toContain(field);
  });

  it('refuses a course price of 9e15 fen and a course name with invisible characters', () => {
    expect(refused(CourseFiling, course)).toEqual([]);
    expect(refused(CourseFiling, { ...course, priceFen: 9e15 })).toContain('priceFen');
    expect(refused(CourseFiling, { ...course, name: '少儿\u2066游泳' })).toContain('name');
  });

  it('refuses staff ID 000000000000000000 and a wrong check character (GB 11643-1999)', () => {
    expect(refused(StaffFiling, staff)).toEqual([]);
    expect(refused(StaffFiling, { ...staff, idNumber: '000000000000000000' })).toEqual(['idNumber']);
    expect(refused(StaffFiling, { ...staff, idNumber: '330106199001011234' })).toEqual(['idNumber']);
  });
});

describe('one name, one institution', () => {
  const taken = [{ institutionId: 'other', name: 'abc 游泳培训' }];

  it('refuses a name another licensed or applying institution holds, case and blanks aside', () => {
    expect(() => assertNameFree('ABC游泳培训', taken)).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'institutionName' }) }),
    );
    expect(() => assertNameFree('ABC游泳培训', taken)).toThrow(LicensingRuleViolated);
  });

  it('lets an institution keep its own name, and a different name pass', () => {
    expect(() => assertNameFree('ABC游泳培训', taken, 'other')).not.toThrow();
    expect(() => assertNameFree('ABD游泳培训', taken)).not.toThrow();
  });
});
