import { secret } from '@otr/config';

/**
 * The key of the HMAC that matches identity numbers (OTR_ID_PEPPER): set by the deployment, or
 * generated for a checkout's local runs; never a value in the repository.
 */
export const idNumberPepper = (): string => secret('OTR_ID_PEPPER');
