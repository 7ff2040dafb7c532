/**
 * The secret mixed into identity-number hashes (OTR_ID_PEPPER). Development and the demo use a
 * fixed value; a deployment sets its own so hashes cannot be reversed by enumerating numbers.
 */
export const idNumberPepper = (): string => process.env.OTR_ID_PEPPER ?? 'otr-development-pepper';
