import { ChinaLocation, InstitutionName, PersonName, publicText } from './public-text';

const refusal = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? undefined : r.error!.issues[0].message;
};

describe('published names and texts', () => {
  it('normalises a name: NFKC (full-width letters and brackets), trimmed, blanks collapsed', () => {
    expect(InstitutionName.parse('  杭州ＡＢＣ美术（西湖）  培训学校 ')).toBe('杭州ABC美术(西湖) 培训学校');
  });

  it.each([
    ['zero-width space', '杭州\u200b美术培训学校'],
    ['zero-width joiner', '杭州美术\u200d培训学校'],
    ['byte-order mark', '\ufeff杭州美术培训学校'],
    ['RTL override', '杭州美术\u202e校学训培'],
    ['RTL isolate', '杭州美术\u2067培训学校'],
    ['control character', '杭州美术\u0007培训学校'],
  ])('refuses a name with a %s', (_what, name) => {
    expect(refusal(InstitutionName, name)).toContain('invisible');
  });

  it('refuses look-alike letters of other scripts (Cyrillic а, Greek ο)', () => {
    expect(refusal(InstitutionName, 'Hаngzhou Art School')).toContain('look-alike');
    expect(refusal(InstitutionName, 'Art Schοol 杭州')).toContain('look-alike');
    expect(InstitutionName.parse('Hangzhou Art School 杭州')).toBe('Hangzhou Art School 杭州');
  });

  it('bounds the length after normalisation', () => {
    expect(refusal(InstitutionName, ' 杭 ')).toBeDefined();
    expect(refusal(InstitutionName, '杭'.repeat(101))).toBeDefined();
  });

  it('takes foreign names with a middle dot', () => {
    expect(PersonName.parse('阿卜杜拉·买买提')).toBe('阿卜杜拉·买买提');
  });

  it('lets a multi-line text keep its lines but not invisible characters', () => {
    const outline = publicText('multiline', 2, 100);
    expect(outline.parse('第一课\n第二课')).toBe('第一课\n第二课');
    expect(refusal(outline, '第一课\u202e\n第二课')).toContain('invisible');
  });
});

describe('ChinaLocation', () => {
  it("accepts Hangzhou and refuses (0,0) and points outside China's bounds", () => {
    expect(ChinaLocation.safeParse({ lat: 30.27, lng: 120.13 }).success).toBe(true);
    expect(ChinaLocation.safeParse({ lat: 0, lng: 0 }).success).toBe(false);
    expect(ChinaLocation.safeParse({ lat: 48.85, lng: 2.35 }).success).toBe(false);
    expect(ChinaLocation.safeParse({ lat: 1e300, lng: 120 }).success).toBe(false);
  });
});
