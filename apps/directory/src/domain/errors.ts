import { DomainError } from '@otr/kernel';

/**
 * A license event naming a license number another institution holds, active or suspended: the
 * registration service never issues one twice, so the event is forged or corrupt (an outside
 * producer reused a real number). The directory refuses to publish it; the consumer dead-letters
 * it for an operator to look at.
 */
export class LicenseNumberHeldByAnother extends DomainError {
  readonly code = 'directory.LicenseNumberHeldByAnother';
  override readonly kind = 'conflict' as const;

  constructor(licenseNumber: string, holder: string, claimant: string) {
    super(`license number ${licenseNumber} is held by institution ${holder}; refused for ${claimant}`, {
      field: 'payload.licenseNumber',
      rule: 'one license number, one licensed institution (办学许可证号唯一)',
    });
  }
}
