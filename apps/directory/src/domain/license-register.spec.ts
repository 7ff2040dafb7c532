import { LicenseNumberHeldByAnother } from './errors';
import { licenseNumberClash } from './license-register';

const held = { institutionId: 'inst-a', licenseNumber: '教民133010620260001号' };

describe('one license number, one licensed institution', () => {
  it('given a number held by another institution, when a license under it arrives, then it is refused naming both', () => {
    const clash = licenseNumberClash(
      [held],
      [{ institutionId: 'inst-forged', licenseNumber: held.licenseNumber }],
    );
    expect(clash).toBeInstanceOf(LicenseNumberHeldByAnother);
    expect(clash?.message).toBe(
      'license number 教民133010620260001号 is held by institution inst-a; refused for inst-forged',
    );
    expect(clash?.citation.field).toBe('payload.licenseNumber');
  });

  it('given the same institution again (a replay or a renewal), then there is no clash', () => {
    expect(licenseNumberClash([held], [held])).toBeUndefined();
  });

  it('given a new number, then there is no clash', () => {
    expect(
      licenseNumberClash([held], [{ institutionId: 'inst-b', licenseNumber: '教民133010620260002号' }]),
    ).toBeUndefined();
  });

  it('given two institutions under one number in the same batch, then the second is refused', () => {
    const twice = [
      { institutionId: 'inst-b', licenseNumber: 'X-1' },
      { institutionId: 'inst-c', licenseNumber: 'X-1' },
    ];
    expect(licenseNumberClash([], twice)?.message).toMatch(/held by institution inst-b; refused for inst-c/);
  });
});
