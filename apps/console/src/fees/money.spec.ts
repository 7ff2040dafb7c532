import { fenToYuanNumber, formatYuan, yuan } from './money';

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [500000, '5,000.00'],
    [500001, '5,000.01'],
    [123456789, '1,234,567.89'],
    [-5, '-0.05'],
    [-123456, '-1,234.56'],
  ])('%d fen is %s yuan', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('keeps every fen of amounts too large for floating-point cents', () => {
    expect(formatYuan(9007199254740991)).toBe('90,071,992,547,409.91');
  });

  it.each([null, undefined, 1.5, NaN, Infinity])('shows nothing for %p', (v) => {
    expect(formatYuan(v as number)).toBe('');
  });
});

describe('yuan', () => {
  it('prefixes the currency sign', () => {
    expect(yuan(120000)).toBe('¥1,200.00');
    expect(yuan(-1)).toBe('-¥0.01');
  });
  it('shows nothing without an amount', () => {
    expect(yuan(undefined)).toBe('');
  });
});

describe('fenToYuanNumber', () => {
  it('scales for a chart axis', () => {
    expect(fenToYuanNumber(123456)).toBe(1234.56);
  });
});
