import { z } from 'zod';
import { ConfigurationError } from './errors';

// Words left in by copy-paste from documentation or old defaults: such a value was never secret.
const KNOWN_WEAK = /change-?me|development-only|otr-development|example|placeholder/i;

/** A random text secret: at least 32 characters, varied, and not a known placeholder. */
const text = z
  .string()
  .min(32, 'must be at least 32 characters (generate one: openssl rand -base64 32)')
  .refine((v) => !KNOWN_WEAK.test(v), 'is a placeholder, not a secret')
  .refine((v) => new Set(v).size >= 12, 'is too repetitive to be random');

/** 32 random bytes, as 64 hex digits or base64 (AES-256 and HMAC keys). */
const key32 = z
  .string()
  .transform((v) => (/^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64')))
  .refine((b) => b.length === 32, 'must be 32 bytes, as 64 hex digits or base64 (openssl rand -hex 32)')
  .refine((b) => new Set(b).size >= 12, 'is too repetitive to be random');

/** `<system-id>:<sha-256 of its API key, hex>` entries, comma-separated: only hashes are configured. */
const hotlineKeys = z
  .string()
  .transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^[\w.-]+:[0-9a-f]{64}$/i, 'each entry is <system-id>:<sha-256 of its key, hex>'))
      .min(1, 'names at least one hotline system'),
  );

/**
 * Every secret the platform reads, what it protects and who holds it (docs/security.md). Nothing
 * falls back to a value in the repository: a process missing one of its secrets does not start.
 */
export const SECRETS = {
  ACCESS_TOKEN_SECRET: { schema: text, protects: "signs officials' access tokens (gateway)" },
  GATEWAY_SIGNING_SECRET: { schema: text, protects: 'signs the caller the gateway passes to each service' },
  FEES_FAMILY_TOKEN_SECRET: { schema: text, protects: "signs families' sign-in tokens (fee supervision)" },
  FEES_BANK_WEBHOOK_SECRET: { schema: text, protects: "signs the custodian bank's payment notices" },
  FEES_BANK_API_KEY: { schema: text, protects: "fee supervision's key at the custodian bank's API" },
  COMPLAINTS_IDENTITY_KEY: { schema: key32, protects: "encrypts complainants' names and phones" },
  COMPLAINTS_HOTLINE_KEYS: { schema: hotlineKeys, protects: 'which 12345 hotline systems may file (key hashes)' },
  OTR_ID_PEPPER: { schema: text, protects: 'keys the HMAC that matches resident ID numbers' },
} as const;

export type SecretName = keyof typeof SECRETS;
export type SecretValue<N extends SecretName> = z.output<(typeof SECRETS)[N]['schema']>;

const problem = (name: SecretName, env: NodeJS.ProcessEnv): string | undefined => {
  const raw = env[name];
  if (!raw) return `${name} is not set (${SECRETS[name].protects})`;
  const parsed = SECRETS[name].schema.safeParse(raw);
  return parsed.success ? undefined : `${name} ${parsed.error.issues.map((i) => i.message).join('; ')}`;
};

/** Checks every named secret at once, so a start refused names all that is missing or weak. */
export function requireSecrets(names: readonly SecretName[], env: NodeJS.ProcessEnv = process.env): void {
  const problems = names.map((n) => problem(n, env)).filter((p): p is string => !!p);
  if (problems.length) throw new ConfigurationError(problems);
}

/** One secret, validated; throws naming the variable when it is missing or weak. */
export function secret<N extends SecretName>(name: N, env: NodeJS.ProcessEnv = process.env): SecretValue<N> {
  requireSecrets([name], env);
  return SECRETS[name].schema.parse(env[name]) as SecretValue<N>;
}
