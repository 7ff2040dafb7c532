import { createEvent, StaffFiled } from './index';
import { contracts } from './events';

const origin = { actor: { userId: 'u-1', role: 'institution-operator' }, correlationId: 'c-1' };

/** Every field path of every event payload schema, e.g. 'registration.StaffFiled.name'. */
function payloadFields(): string[] {
  return contracts.all().flatMap((def) => {
    const shape = (def.payload as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    return Object.keys(shape).map((k) => `${def.type}.${k}`);
  });
}

describe('no published event carries an identity number, not even hashed', () => {
  it('no event contract declares an identity-number field', () => {
    expect(payloadFields().filter((f) => /idNumber|idCard|identityNumber/i.test(f))).toEqual([]);
  });

  it('a StaffFiled built with a stray hash is published without it', () => {
    const event = createEvent(StaffFiled, {
      aggregateId: 'l-1',
      institutionId: '00000000-0000-4000-8000-000000000001',
      ...origin,
      payload: {
        staffId: 's-1',
        licenseId: 'l-1',
        name: '李华',
        role: 'teacher',
        idNumberHash: 'a'.repeat(64),
      } as never,
    });
    const published = contracts.parse(event);
    expect(JSON.stringify(published)).not.toContain('idNumberHash');
  });
});
