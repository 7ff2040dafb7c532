import {
  changeRequestBody,
  closureRequestBody,
  decisionBody,
  factsOf,
  fenToYuan,
  formatFen,
  LICENSE_STATUSES,
  LicenseCommand,
  offeredCommands,
  staffFilingBody,
  yuanToFen,
} from './license-file';

describe('the license file screens', () => {
  it("offer exactly the commands the service lists in the record's actions, in the screen's order", () => {
    const order: LicenseCommand[] = [
      'suspend',
      'reinstate',
      'renew',
      'revoke',
      'fileCourse',
      'requestClosure',
    ];
    expect(offeredCommands(order, { actions: ['requestClosure', 'revoke', 'suspend'] })).toEqual([
      'suspend',
      'revoke',
      'requestClosure',
    ]);
    expect(offeredCommands(order, { actions: [] })).toEqual([]);
    expect(offeredCommands(order, {})).toEqual([]); // an answer without actions offers nothing
    expect(offeredCommands(order, undefined)).toEqual([]);
  });

  it('filters by every status the service knows', () => {
    expect(LICENSE_STATUSES).toEqual(['active', 'suspended', 'revoked', 'expired', 'closed']);
  });

  it('keeps fees in integer fen while the operator types yuan', () => {
    expect(yuanToFen('1200.5')).toBe(120050);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(fenToYuan(120050)).toBe(1200.5);
    expect(fenToYuan(undefined)).toBe('');
    expect(formatFen(120050)).toBe('¥1,200.50');
  });

  it('sends a change with only the items changed, and a closure with its date and reason', () => {
    expect(changeRequestBody({ institutionName: ' 新名称培训学校 ', address: '', scopes: [] })).toEqual({
      kind: 'change',
      changes: { institutionName: '新名称培训学校' },
    });
    expect(changeRequestBody({ scopes: ['online'], legalRepresentative: '王芳' }).changes).toEqual({
      legalRepresentative: '王芳',
      scopes: ['online'],
    });
    expect(closureRequestBody({ closesOn: '2026-12-31', reason: ' 停办 ' })).toEqual({
      kind: 'closure',
      closesOn: '2026-12-31',
      reason: '停办',
    });
  });

  it('files staff with the certificate only when one is named, the ID number in capitals', () => {
    expect(
      staffFilingBody({
        name: '张伟',
        idNumber: '33010619900101123x',
        role: 'other',
        certificate: { number: '' },
      }),
    ).toEqual({ name: '张伟', idNumber: '33010619900101123X', role: 'other' });
    expect(
      staffFilingBody({
        name: '李芳',
        idNumber: '330106198502021234',
        role: 'teacher',
        subject: '钢琴',
        certificate: { kind: 'arts-professional', number: 'ZS123456', subject: '' },
      }),
    ).toEqual({
      name: '李芳',
      idNumber: '330106198502021234',
      role: 'teacher',
      subject: '钢琴',
      certificate: { kind: 'arts-professional', number: 'ZS123456' },
    });
    expect(decisionBody({ reason: '消防隐患', decision: ' ' })).toEqual({ reason: '消防隐患' });
  });

  it('sums up action-log entries and requests by their points', () => {
    expect(
      factsOf({
        type: 'InstitutionChanged',
        changes: { institutionName: '新名', scopes: ['offline', 'online'] },
      }),
    ).toEqual([
      { key: 'institutionName', value: '新名' },
      { key: 'scopes', value: ['offline', 'online'] },
    ]);
    expect(
      factsOf({
        requestId: 'r',
        type: 'RequestFiled',
        request: { kind: 'closure', closesOn: '2026-12-31', reason: '停办' },
      }),
    ).toEqual([
      { key: 'closesOn', value: '2026-12-31' },
      { key: 'reason', value: '停办' },
    ]);
    expect(factsOf({ type: 'LicenseSuspended', reason: '整改', decision: '西教罚〔2026〕1号' })).toEqual([
      { key: 'reason', value: '整改' },
      { key: 'decision', value: '西教罚〔2026〕1号' },
    ]);
    expect(factsOf({ type: 'CourseFiled', course: { name: '钢琴启蒙班' } })).toEqual([
      { key: 'course', value: '钢琴启蒙班' },
    ]);
    expect(factsOf({ staff: { name: '张伟', idNumberMasked: '330106********1234' } })).toEqual([
      { key: 'staff', value: '张伟 330106********1234' },
    ]);
    expect(factsOf(null)).toEqual([]);
  });
});
