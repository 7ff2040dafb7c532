import { Role } from '@otr/auth/browser';
import { FEE_RESOURCES } from '../fees/fees-file';
import { can, MENU, menuFor, panelsFor, PERMISSIONS, ROLES } from './permissions';

describe('console permissions', () => {
  const ENFORCEMENT = [
    'inspections',
    'rectifications',
    'penalties',
    'blacklist',
    'spot-checks',
    'annual-reports',
    'joint-cases',
  ];
  const FEES = [...FEE_RESOURCES];

  it('shows each role exactly its screens', () => {
    expect(menuFor(['administrator'])).toEqual(['users', 'roster', 'audit', 'dead-letters']);
    expect(menuFor(['approver'])).toEqual([
      'applications',
      'license-requests',
      'licenses',
      'complaints',
      ...ENFORCEMENT,
      'institutions',
      'timeline',
    ]);
    expect(menuFor(['inspector'])).toEqual([
      'licenses',
      'complaints',
      ...ENFORCEMENT,
      'institutions',
      'timeline',
    ]);
    expect(menuFor(['task-force-officer'])).toEqual([
      'applications',
      'licenses',
      'complaints',
      ...ENFORCEMENT,
      'institutions',
      'timeline',
    ]);
    expect(menuFor(['fund-supervisor'])).toEqual([
      'licenses',
      'complaints',
      ...FEES,
      'institutions',
      'timeline',
    ]);
    expect(menuFor(['spot-check-planner'])).toEqual([...ENFORCEMENT, 'institutions', 'timeline']);
    expect(menuFor(['viewer'])).toEqual([
      'applications',
      'license-requests',
      'licenses',
      'complaints',
      ...ENFORCEMENT,
      ...FEES,
      'institutions',
      'timeline',
    ]);
    expect(menuFor(['institution-operator'])).toEqual([
      'applications',
      'licenses',
      'complaints',
      'rectifications',
      'annual-reports',
      'fee-orders',
      'fee-lessons',
      'fee-refunds',
      'timeline',
    ]);
  });

  it('has a row for every role and combines the rows of several roles', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...Role.options].sort());
    expect(menuFor(['administrator', 'viewer', 'fund-supervisor'])).toEqual([...MENU]);
  });

  it('lets only approvers decide and only task-force officers give opinions', () => {
    for (const role of ROLES) {
      for (const action of ['approve', 'return', 'reject', 'requestOpinion'])
        expect(can([role], 'applications', action)).toBe(role === 'approver');
      expect(can([role], 'applications', 'giveOpinion')).toBe(role === 'task-force-officer');
    }
  });

  it('lets only administrators manage accounts, read the audit log, import the roster and redrive dead letters', () => {
    for (const role of ROLES) {
      expect(can([role], 'users', 'create')).toBe(role === 'administrator');
      expect(can([role], 'dead-letters', 'redrive')).toBe(role === 'administrator');
      expect(can([role], 'audit', 'list')).toBe(role === 'administrator');
      expect(can([role], 'roster', 'import')).toBe(role === 'administrator');
    }
  });

  it('lets the viewer read every fee screen, the creditor list too, and act on none of them', () => {
    const acts = ['acknowledge', 'closeAlert', 'recordLesson', 'agreeRefund', 'disputeRefund', 'orderRefund'];
    for (const r of FEES) {
      for (const action of ['list', 'show', 'export']) expect(can(['viewer'], r, action)).toBe(true);
      for (const action of [
        ...acts,
        'payRefund',
        'reconcile',
        'startClosure',
        'runRefunds',
        'create',
        'edit',
      ])
        expect(can(['viewer'], r, action)).toBe(false);
    }
  });

  it('lets only approvers decide on licenses and requests, and only operators file', () => {
    for (const role of ROLES) {
      for (const action of ['suspend', 'reinstate', 'revoke', 'renew'])
        expect(can([role], 'licenses', action)).toBe(role === 'approver');
      for (const action of ['approve', 'reject'])
        expect(can([role], 'license-requests', action)).toBe(role === 'approver');
      for (const action of ['fileCourse', 'fileStaff', 'removeStaff', 'requestChange', 'requestClosure'])
        expect(can([role], 'licenses', action)).toBe(role === 'institution-operator');
    }
  });

  it('lets the four handling roles record calls and act on complaints, viewers read, operators answer', () => {
    const handlers = ['approver', 'inspector', 'task-force-officer', 'fund-supervisor'];
    for (const role of ROLES) {
      for (const action of ['create', 'act', 'revealContact'])
        expect(can([role], 'complaints', action)).toBe(handlers.includes(role));
      expect(can([role], 'complaints', 'institutionReply')).toBe(role === 'institution-operator');
      expect(can([role], 'complaints', 'show')).toBe(
        [...handlers, 'viewer', 'institution-operator'].includes(role),
      );
      // The rates compare departments and districts: not for an institution's operator.
      expect(can([role], 'complaints', 'rates')).toBe([...handlers, 'viewer'].includes(role));
    }
  });

  it('lets every role that lists a screen export it as CSV (not the roster, an upload, the dead letters, an operator’s tool, nor the inspection lists yet)', () => {
    for (const role of ROLES)
      for (const r of menuFor([role]).filter(
        (m) => m !== 'roster' && m !== 'dead-letters' && !ENFORCEMENT.includes(m),
      ))
        expect(can([role], r, 'export')).toBe(true);
  });

  it('never allows deleting anything from the console', () => {
    for (const role of ROLES) for (const r of MENU) expect(can([role], r, 'delete')).toBe(false);
  });

  it('gives each role a dashboard that matches its work', () => {
    expect(panelsFor(['approver'])).toContain('applications');
    expect(panelsFor(['fund-supervisor'])).toContain('fundAlerts');
    expect(panelsFor(['inspector'])).toContain('rectifications');
    expect(panelsFor(['administrator'])).toEqual(['institutions', 'audit']);
    for (const role of ROLES) expect(panelsFor([role]).length).toBeGreaterThan(0);
    expect(panelsFor(['institution-operator'])).toEqual(['applications']);
  });

  it('denies an unknown role, resource or action', () => {
    expect(can(['stranger'], 'users', 'list')).toBe(false);
    expect(can(['administrator'], 'secrets', 'list')).toBe(false);
    expect(can(['administrator'], 'users', 'purge')).toBe(false);
    expect(can([], 'institutions', 'list')).toBe(false);
  });
});
