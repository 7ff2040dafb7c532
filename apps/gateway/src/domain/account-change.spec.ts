import { AccountScope, endsSessions } from './account-change';

const approver: AccountScope = {
  roles: ['approver'],
  department: 'education',
  jurisdiction: 'CN-ZJ-HZ-XH',
  institutionId: null,
};

describe('which account changes end its sessions', () => {
  it.each([
    ['a new password', { password: 'a-brand-new-password-1' }],
    ['disabling', { disabled: true }],
    ['a demotion', { roles: ['viewer'] }],
    ['an added role', { roles: ['approver', 'administrator'] }],
    ['another department', { department: 'sports' as const }],
    ['a wider jurisdiction', { jurisdiction: 'CN-ZJ-HZ' }],
    ['another institution', { institutionId: 'inst-1' }],
  ])('%s ends them', (_, change) => {
    expect(endsSessions(approver, change)).toBe(true);
  });

  it.each([
    ['a new display name', {}],
    ['enabling', { disabled: false }],
    ['the same roles in another order', { roles: ['approver'] }],
    ['the same jurisdiction', { jurisdiction: 'CN-ZJ-HZ-XH' }],
  ])('%s keeps them', (_, change) => {
    expect(endsSessions(approver, change)).toBe(false);
  });
});
