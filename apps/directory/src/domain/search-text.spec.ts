import { nameGrams, normalise, pinyinInitials, queryGrams } from './search-text';

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
});
