import { jwtVerify, SignJWT } from 'jose';
import { secret } from '@otr/config';
import { Principal } from './principal';

/** Header in which the gateway passes the verified caller to the services. */
export const PRINCIPAL_HEADER = 'x-otr-principal';

const ISSUER = 'otr-gateway';

/**
 * The audience of a principal signed for one service (otr-registration, otr-complaints, …): a
 * principal the gateway signed for registration is refused by complaints, so a token one service
 * sees cannot be replayed against another.
 */
export const serviceAudience = (service: string) => `otr-${service}`;

const key = (secret: string) => {
  if (secret.length < 32) throw new Error('GATEWAY_SIGNING_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
};

/** GATEWAY_SIGNING_SECRET, validated (@otr/config): there is no default. */
export const signingSecret = (env = process.env): string => secret('GATEWAY_SIGNING_SECRET', env);

/**
 * Signs the principal for one hop from the gateway to the named service (its ServiceDefinition
 * name, e.g. 'registration'); short-lived so it cannot be replayed later.
 */
export async function signPrincipal(
  principal: Principal,
  service: string,
  secret = signingSecret(),
): Promise<string> {
  return new SignJWT({ principal })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(serviceAudience(service))
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key(secret));
}

/**
 * Verifies a principal the gateway signed for this service (its own name); throws when forged,
 * expired, malformed or addressed to another service.
 */
export async function verifyPrincipal(
  token: string,
  service: string,
  secret = signingSecret(),
): Promise<Principal> {
  const { payload } = await jwtVerify(token, key(secret), {
    issuer: ISSUER,
    audience: serviceAudience(service),
  });
  return Principal.parse(payload.principal);
}
