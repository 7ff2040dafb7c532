import { csvCell, csvRow } from './csv';

describe('CSV cells (RFC 4180, CSV injection made inert)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+86 571', "'+86 571"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
  ])('a text cell that would start a formula, %j, starts with an apostrophe', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empties as they are, quoting only when needed', () => {
    expect(csvCell('杭州西湖美术培训学校')).toBe('杭州西湖美术培训学校');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(['美术', '音乐'])).toBe('美术、音乐');
  });

  it('writes a row of cells, each escaped', () => {
    expect(csvRow(['=cmd', 'ok', 3])).toBe("'=cmd,ok,3");
  });
});
