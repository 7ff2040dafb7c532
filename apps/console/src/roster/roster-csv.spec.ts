import { parseCsv, readRoster } from './roster-csv';

describe('the in-service roster file', () => {
  it('reads quoted cells, doubled quotes, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n1,2,3\n\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('x,"two\nlines"')).toEqual([['x', 'two\nlines']]);
  });

  it('takes the columns by their header, in English or Chinese and in any order', () => {
    const english = readRoster('name,idNumber,school\n张伟,33010619900101123x,杭州市学军中学\n');
    expect(english).toEqual({
      teachers: [{ name: '张伟', idNumber: '33010619900101123X', school: '杭州市学军中学' }],
      problems: [],
    });
    const chinese = readRoster('学校,姓名,身份证号\r\n杭州第二中学,李芳,330106198502021234\r\n');
    expect(chinese.teachers).toEqual([
      { name: '李芳', idNumber: '330106198502021234', school: '杭州第二中学' },
    ]);
  });

  it('names the rows the service would refuse, and a file without the three columns', () => {
    const parsed = readRoster(
      'name,idNumber,school\n张伟,330106199001011234,学军中学\n王,330106199001011235,学军中学\n李娜,12345,学军中学\n陈静,330106199001011236,\n',
    );
    expect(parsed.teachers).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { row: 3, problem: 'name' },
      { row: 4, problem: 'idNumber' },
      { row: 5, problem: 'school' },
    ]);
    expect(readRoster('姓名,学校\n张伟,学军中学')).toEqual({
      teachers: [],
      problems: [{ row: 1, problem: 'columns' }],
    });
    expect(readRoster('')).toEqual({ teachers: [], problems: [{ row: 1, problem: 'columns' }] });
  });
});
