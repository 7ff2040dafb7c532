import { demoJurisdiction, HANGZHOU, HANGZHOU_DISTRICTS } from './demo-city';
import { ancestorsOf, InvalidJurisdiction, isWithin, levelOf, parentOf } from './jurisdiction';

describe('jurisdiction codes', () => {
  it('carry their level in their length: national › province › city › district', () => {
    expect(levelOf('CN')).toBe('national');
    expect(levelOf('CN-ZJ')).toBe('province');
    expect(levelOf('CN-ZJ-HZ')).toBe('city');
    expect(levelOf('CN-ZJ-HZ-XH')).toBe('district');
  });

  it('compute parents and ancestors, most specific first', () => {
    expect(parentOf('CN-ZJ-HZ-XH')).toBe('CN-ZJ-HZ');
    expect(parentOf('CN')).toBeUndefined();
    expect(ancestorsOf('CN-ZJ-HZ-XH')).toEqual(['CN-ZJ-HZ-XH', 'CN-ZJ-HZ', 'CN-ZJ', 'CN']);
  });

  it('tell whether one lies within another, by whole segments only', () => {
    expect(isWithin('CN-ZJ-HZ-XH', 'CN-ZJ-HZ')).toBe(true);
    expect(isWithin('CN-ZJ-HZ', 'CN-ZJ-HZ')).toBe(true);
    expect(isWithin('CN-ZJ-HZ', 'CN-ZJ-HZ-XH')).toBe(false);
    expect(isWithin('CN-ZJ-HZX', 'CN-ZJ-HZ')).toBe(false);
  });

  it('refuse codes that are not one', () => {
    for (const bad of ['', 'ZJ', 'cn-zj', 'CN-', 'CN-ZJ-HZ-XH-X1']) {
      expect(() => levelOf(bad)).toThrow(InvalidJurisdiction);
    }
  });
});

describe('the demo city, Hangzhou', () => {
  it('has its 13 county-level divisions, each inside Hangzhou with its own codes', () => {
    expect(HANGZHOU_DISTRICTS).toHaveLength(13);
    expect(new Set(HANGZHOU_DISTRICTS.map((d) => d.code)).size).toBe(13);
    expect(new Set(HANGZHOU_DISTRICTS.map((d) => d.adcode)).size).toBe(13);
    for (const d of HANGZHOU_DISTRICTS) {
      expect(parentOf(d.code)).toBe(HANGZHOU.code);
      expect(d.adcode).toMatch(/^3301\d\d$/);
      expect(d.centre.lat).toBeGreaterThan(29.1);
      expect(d.centre.lat).toBeLessThan(30.6);
      expect(d.centre.lng).toBeGreaterThan(118.3);
      expect(d.centre.lng).toBeLessThan(120.8);
    }
  });

  it('looks jurisdictions up by code', () => {
    expect(demoJurisdiction('CN-ZJ-HZ-XH')).toMatchObject({
      name: '西湖区',
      nameEn: 'Xihu District',
      adcode: '330106',
    });
    expect(demoJurisdiction('CN-ZJ')?.name).toBe('浙江省');
    expect(demoJurisdiction('CN-JS')).toBeUndefined();
  });
});
