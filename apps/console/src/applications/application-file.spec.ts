import {
  correctionLabel,
  deadlineFlags,
  fieldPaths,
  isOverdueItem,
  offers,
  resubmissionBody,
} from './application-file';

describe('a returned application in the console', () => {
  it('names a correction item by the field it starts with, rows counted from 1', () => {
    expect(correctionLabel('venue.area')).toEqual({ key: 'otr.application.venueArea', rest: '' });
    expect(correctionLabel('staff.0.certificate')).toEqual({
      key: 'otr.application.staff',
      rest: '#1 certificate',
    });
    expect(correctionLabel('something.else')).toEqual({ rest: 'something.else' });
  });

  it('sends a new identity number when typed, else keeps the filed one by its masked number', () => {
    const body = resubmissionBody({
      institutionName: '机构',
      staff: [
        { name: '甲', idNumber: '', idNumberMasked: '330106********1234' },
        { name: '乙', idNumber: ' 33010619900101123X ', idNumberMasked: 'x' },
        { name: '丙', idNumber: '11010519491231002X' },
      ],
    });
    expect(body).toEqual({
      institutionName: '机构',
      staff: [
        { name: '甲', idNumberMasked: '330106********1234' },
        { name: '乙', idNumber: '33010619900101123X' },
        { name: '丙', idNumber: '11010519491231002X' },
      ],
    });
  });

  it('lists every input path of the form, so a refusal finds its input', () => {
    expect(fieldPaths({ venue: { area: 1 }, staff: [{ name: 'a' }] })).toEqual([
      'venue',
      'venue.area',
      'staff',
      'staff.0',
      'staff.0.name',
    ]);
  });
});

describe('the approver’s work queue', () => {
  it('flags overdue steps first, then opinions still awaited, an overdue opinion only once', () => {
    const item = { overdueSteps: ['opinion:fire', 'decision'], pendingOpinions: ['fire', 'health'] };
    expect(deadlineFlags(item)).toEqual([
      { kind: 'overdue', step: 'opinion', department: 'fire' },
      { kind: 'overdue', step: 'decision' },
      { kind: 'pending', step: 'opinion', department: 'health' },
    ]);
    expect(isOverdueItem(item)).toBe(true);
  });

  it('flags nothing on an application within every deadline', () => {
    expect(deadlineFlags({ overdueSteps: [], pendingOpinions: [] })).toEqual([]);
    expect(isOverdueItem({})).toBe(false);
  });
});

describe('the commands an application screen offers', () => {
  it("are exactly those in the record's actions, as the service answers them for the caller", () => {
    const record = { actions: ['approve', 'return'] as const };
    expect(offers(record, 'approve')).toBe(true);
    expect(offers(record, 'return')).toBe(true);
    expect(offers(record, 'reject')).toBe(false);
    expect(offers({ actions: [] }, 'approve')).toBe(false);
    expect(offers({}, 'approve')).toBe(false); // an answer without actions offers nothing
    expect(offers(undefined, 'resubmit')).toBe(false);
  });
});
