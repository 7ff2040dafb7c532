import {
  largestShare,
  nameGrams,
  normalise,
  pinyinInitials,
  queryGrams,
  searchTerms,
  termMatches,
} from './search-text';

describe('search text', () => {
  it('normalises traditional characters, full-width letters and spaces to one form', () => {
    expect(normalise('杭州 新東方 ＡＢＣ 英語')).toBe('杭州新东方abc英语');
  });

  it('indexes every character and every adjacent pair of a name', () => {
    expect(nameGrams('英语学校').sort()).toEqual(['学', '学校', '校', '英', '英语', '语', '语学'].sort());
  });

  it('asks for the bigrams of a query, or the character itself for a one-character query', () => {
    expect(queryGrams('英语')).toEqual(['英语']);
    expect(queryGrams('美术班')).toEqual(['美术', '术班']);
    expect(queryGrams('琴')).toEqual(['琴']);
  });

  it('gives pinyin initials of the Chinese characters only', () => {
    expect(pinyinInitials('西湖英语培训学校')).toBe('xhyypxxx');
  });

  const school = {
    name: '西湖英語學校',
    district: 'CN-ZJ-HZ-XH',
    category: 'arts',
    scopes: ['offline', 'online'],
    licenseStatus: 'active',
  };

  it('finds an institution by its name grams, its pinyin initials and its filter values, all in one array', () => {
    expect(searchTerms(school).sort()).toEqual(
      [
        ...nameGrams('西湖英语学校'),
        ...['x', 'h', 'y', 'xh', 'hy', 'yy', 'yx', 'xx'].map((g) => `p:${g}`), // xhyyxx
        'd:CN-ZJ-HZ-XH',
        'c:arts',
        's:offline',
        's:online',
        'st:active',
      ].sort(),
    );
  });

  it('matches a two-character fragment and the filters by the terms alone', () => {
    const [match] = termMatches('英語', { category: 'arts', scope: 'online' });
    expect(match).toEqual({ terms: ['英语', 'c:arts', 's:online'] });
    expect(searchTerms(school)).toEqual(expect.arrayContaining(match.terms));
    expect(termMatches(undefined, { status: 'revoked' })).toEqual([{ terms: ['st:revoked'] }]);
  });

  it('checks a longer fragment whole in the name, as its bigrams may lie apart', () => {
    expect(termMatches('英语学', {})).toEqual([
      { terms: ['英语', '语学'], contains: { column: 'search_name', text: '英语学' } },
    ]);
  });

  it('bounds the share of names a match can hold by its rarest gram and its filters', () => {
    const shares: Record<string, number> = { 机器: 0.03, 器人: 0.03, 'c:arts': 0.3, 's:online': 0.2 };
    const share = (term: string) => shares[term] ?? 0.001;
    expect(largestShare(termMatches('机器人', {})[0], share)).toBeCloseTo(0.03);
    expect(largestShare(termMatches('机器人', { category: 'arts', scope: 'online' })[0], share)).toBeCloseTo(
      0.0018,
    );
    expect(largestShare(termMatches('杭州思源', {})[0], share)).toBeCloseTo(0.001);
    expect(largestShare(termMatches(undefined, { category: 'arts' })[0], share)).toBeCloseTo(0.3);
  });

  it('matches Latin letters as pinyin initials or as Latin letters of the name', () => {
    expect(termMatches('YY', { district: 'CN-ZJ-HZ-XH' })).toEqual([
      { terms: ['p:yy', 'd:CN-ZJ-HZ-XH'] },
      { terms: ['yy', 'd:CN-ZJ-HZ-XH'] },
    ]);
    expect(termMatches('xhyy', {})[0]).toEqual({
      terms: ['p:xh', 'p:hy', 'p:yy'],
      contains: { column: 'pinyin_initials', text: 'xhyy' },
    });
  });
});
