import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { Principal } from '@otr/auth';
import { secret as configured } from '@otr/config';
import { AccessTokens } from '../application/ports';

/** Short-lived access tokens: a stolen one is useful for minutes, and sign-out revokes it at once. */
export const ACCESS_TOKEN_MINUTES = 15;

const ISSUER = 'otr-gateway';
const secret = () => new TextEncoder().encode(configured('ACCESS_TOKEN_SECRET'));

/** sessionVersion: the account's, at issue; the token stops working once it moves on. */
export async function issueAccessToken(
  principal: Principal,
  now: Date,
  sessionVersion: number,
): Promise<{ token: string; jti: string; expiresAt: Date }> {
  const jti = randomUUID();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ACCESS_TOKEN_MINUTES * 60) * 1000);
  const token = await new SignJWT({ principal, sv: sessionVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(principal.userId)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret());
  return { token, jti, expiresAt };
}

export async function verifyAccessToken(
  token: string,
  now: Date,
): Promise<{ principal: Principal; jti: string; expiresAt: Date; sessionVersion: number }> {
  const { payload } = await jwtVerify(token, secret(), { issuer: ISSUER, currentDate: now });
  return {
    principal: Principal.parse(payload.principal),
    jti: String(payload.jti),
    expiresAt: new Date((payload.exp ?? 0) * 1000),
    sessionVersion: typeof payload.sv === 'number' ? payload.sv : -1,
  };
}

/** The access-token port (application/ports.ts) over these functions. */
export const jwtAccessTokens: AccessTokens = { issue: issueAccessToken, verify: verifyAccessToken };
