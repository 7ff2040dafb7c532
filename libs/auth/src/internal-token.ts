import { jwtVerify, SignJWT } from 'jose';
import { secret } from '@otr/config';
import { Principal } from './principal';

/** Header in which the gateway passes the verified caller to the services. */
export const PRINCIPAL_HEADER = 'x-otr-principal';

const ISSUER = 'otr-gateway';
const AUDIENCE = 'otr-services';

const key = (secret: string) => {
  if (secret.length < 32) throw new Error('GATEWAY_SIGNING_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
};

/** GATEWAY_SIGNING_SECRET, validated (@otr/config): there is no default. */
export const signingSecret = (env = process.env): string => secret('GATEWAY_SIGNING_SECRET', env);

/** Signs the principal for one hop from the gateway to a service; short-lived so it cannot be replayed later. */
export async function signPrincipal(principal: Principal, secret = signingSecret()): Promise<string> {
  return new SignJWT({ principal })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key(secret));
}

/** Verifies a gateway-signed principal; throws when forged, expired or malformed. */
export async function verifyPrincipal(token: string, secret = signingSecret()): Promise<Principal> {
  const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE });
  return Principal.parse(payload.principal);
}
