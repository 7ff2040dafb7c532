/** Development-only secrets shared by the service and the bank simulator; deployments set the env vars. */
export const DEV_BANK_WEBHOOK_SECRET = 'development-only-bank-webhook-secret';
export const DEV_BANK_API_KEY = 'development-only-bank-api-key';
export const DEV_FAMILY_TOKEN_SECRET = 'development-only-family-token-secret-change-me';
