import {
  addMonths,
  BlacklistEntryState,
  evolveBlacklistEntry,
  listOnBlacklist,
  removeFromBlacklist,
} from './blacklist';
import { InvalidState } from './errors';

const entry: BlacklistEntryState = {
  id: 'b',
  subject: { institutionId: 'i', licenseId: 'l', name: '乐学培训', district: 'CN-ZJ-HZ-XH' },
  reason: '逾期未整改',
  source: { kind: 'rectification-overdue', rectificationId: 'r' },
  decisionNumber: 'XH教黑〔2026〕1号',
  listedOn: '2026-03-01',
  removableOn: addMonths('2026-03-01', 36),
  trainingBan: true,
  status: 'listed',
  version: 1,
};
const approver = { userId: 'a', department: 'education', jurisdiction: 'CN-ZJ-HZ' };

describe('the black list', () => {
  it('removal dates count calendar months, clamped to the month end', () => {
    expect(addMonths('2026-03-01', 36)).toBe('2029-03-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('an entry needs a removal date after its listing', () => {
    expect(listOnBlacklist(entry, 'src')).toEqual([{ type: 'BlacklistEntryAdded' }]);
    expect(() => listOnBlacklist({ ...entry, removableOn: entry.listedOn }, 'src')).toThrow(/after listing/);
  });

  it('credit repair: not before the removal date, then once', () => {
    expect(() => removeFromBlacklist(entry, approver, '信用修复', '2029-02-28')).toThrow(
      /removed from 2029-03-01/,
    );
    const removed = removeFromBlacklist(entry, approver, '信用修复', '2029-03-01').reduce(
      evolveBlacklistEntry,
      entry,
    );
    expect(removed).toMatchObject({ status: 'removed', removal: { on: '2029-03-01', by: 'a' } });
    expect(() => removeFromBlacklist(removed, approver, 'again', '2029-03-02')).toThrow(InvalidState);
  });
});
