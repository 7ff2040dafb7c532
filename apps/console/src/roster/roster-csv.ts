/**
 * Reads the in-service teacher roster (在职教师名单) from a CSV file: columns name, idNumber,
 * school (or 姓名, 身份证号, 学校), in any order, with a header row. No CSV library is installed,
 * so this is a small RFC 4180 reader: quoted cells, doubled quotes, CRLF or LF, a UTF-8 BOM.
 * Pure module: jest loads it.
 */
export interface RosterTeacher {
  name: string;
  idNumber: string;
  school: string;
}

export interface RosterProblem {
  /** The row of the file, counting the header as 1 and skipping blank rows. */
  row: number;
  /** What is wrong, as a key under otr.roster.problems. */
  problem: 'columns' | 'name' | 'idNumber' | 'school';
}

export interface ParsedRoster {
  teachers: RosterTeacher[];
  problems: RosterProblem[];
}

/** Rows of cells; a quoted cell may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted && c === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const HEADERS: Record<keyof RosterTeacher, string[]> = {
  name: ['name', '姓名'],
  idNumber: ['idnumber', 'id_number', '身份证号', '身份证号码'],
  school: ['school', '学校', '任职学校'],
};

/** The same check the registration service makes: 17 digits and a digit or X. */
const ID_NUMBER = /^\d{17}[\dX]$/;

/** The teachers of a roster file, and the lines the service would refuse (none is sent then). */
export function readRoster(text: string): ParsedRoster {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((h) => h.trim().toLowerCase());
  const column = Object.fromEntries(
    Object.entries(HEADERS).map(([field, aliases]) => [field, names.findIndex((h) => aliases.includes(h))]),
  ) as Record<keyof RosterTeacher, number>;
  if (Object.values(column).some((i) => i < 0))
    return { teachers: [], problems: [{ row: 1, problem: 'columns' }] };
  const teachers: RosterTeacher[] = [];
  const problems: RosterProblem[] = [];
  rows.forEach((cells, i) => {
    const t: RosterTeacher = {
      name: (cells[column.name] ?? '').trim(),
      idNumber: (cells[column.idNumber] ?? '').trim().toUpperCase(),
      school: (cells[column.school] ?? '').trim(),
    };
    const row = i + 2;
    if (t.name.length < 2) problems.push({ row, problem: 'name' });
    else if (!ID_NUMBER.test(t.idNumber)) problems.push({ row, problem: 'idNumber' });
    else if (t.school.length < 2) problems.push({ row, problem: 'school' });
    else teachers.push(t);
  });
  return { teachers, problems };
}
