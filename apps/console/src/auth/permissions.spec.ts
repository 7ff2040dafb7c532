import { can, MENU, PERMISSIONS } from './permissions';

const menuOf = (role: string) => MENU.filter((r) => can([role], r, 'list'));

describe('console permissions', () => {
  it('shows each role exactly its menus', () => {
    expect(menuOf('administrator')).toEqual(['institutions', 'timeline', 'users', 'audit']);
    expect(menuOf('approver')).toEqual(['applications', 'institutions', 'timeline']);
    expect(menuOf('institution-operator')).toEqual(['applications', 'timeline']);
    expect(menuOf('fund-supervisor')).toEqual(['institutions', 'timeline']);
  });

  it('lets only approvers decide and only task-force officers give opinions', () => {
    for (const role of Object.keys(PERMISSIONS)) {
      expect(can([role], 'applications', 'approve')).toBe(role === 'approver');
      expect(can([role], 'applications', 'giveOpinion')).toBe(role === 'task-force-officer');
    }
  });

  it('never allows deleting anything from the console', () => {
    for (const role of Object.keys(PERMISSIONS))
      for (const r of MENU) expect(can([role], r, 'delete')).toBe(false);
  });

  it('denies an unknown role or resource', () => {
    expect(can(['stranger'], 'users', 'list')).toBe(false);
    expect(can(['administrator'], 'secrets', 'list')).toBe(false);
  });
});
