import { adaptList } from './list-shape';
import { toCsv } from './csv';

describe('the data provider', () => {
  it('reads both list shapes: { items, total } and an array with X-Total-Count', () => {
    expect(adaptList({ items: [{ id: 'a' }], total: 40 }, null)).toEqual({ data: [{ id: 'a' }], total: 40 });
    expect(adaptList([{ id: 'b' }], '12')).toEqual({ data: [{ id: 'b' }], total: 12 });
  });
});

describe('the CSV exporter', () => {
  it('starts with a byte-order mark and quotes commas and quotes', () => {
    const csv = toCsv([{ name: '杭州"启航",编程', total: 3 }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('name,total\n"杭州""启航"",编程",3');
  });
});
