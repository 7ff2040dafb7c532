import { openDataCsv } from './open-data-csv';

describe('open-data CSV', () => {
  it('makes an institution name that would run as a formula inert in the published white list', () => {
    const csv = openDataCsv({
      asOf: '2026-12-07T10:00:00.000Z',
      columns: ['licenseNumber', 'institutionName', 'address'],
      rows: [
        { licenseNumber: '教民3301062026001', institutionName: '=HYPERLINK("http://evil.example","点我")', address: '@x' },
        { licenseNumber: '教民3301062026002', institutionName: '西湖美术', address: null },
      ],
    });
    const lines = csv.replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toBe('# as of 2026-12-07T10:00:00.000Z');
    expect(lines[1]).toBe('licenseNumber,institutionName,address');
    expect(lines[2]).toBe(`教民3301062026001,"'=HYPERLINK(""http://evil.example"",""点我"")",'@x`);
    expect(lines[3]).toBe('教民3301062026002,西湖美术,');
  });
});
