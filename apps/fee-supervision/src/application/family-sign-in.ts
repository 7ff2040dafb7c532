import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, newId } from '@otr/kernel';
import { jwtVerify, SignJWT } from 'jose';
import { FeesContext } from './fees-context';
import { CODE_SENDER, ORDERS, OrderRepository, SIGN_IN_CODES, SignInCodes, SignInCodeSender } from './ports';

export class SignInRefused extends DomainError {
  readonly code = 'fees.SignInRefused';
  override readonly kind = 'forbidden';
}

/** A family's signed-in identity, as its short-lived token says. */
export interface FamilySession {
  familyId: string;
  phone: string;
}

const CODE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const MAX_CODES_PER_HOUR = 5;
const TOKEN_TTL = '30m';
const ISSUER = 'otr-fee-supervision';
const AUDIENCE = 'otr-family';

export const FAMILY_TOKEN_SECRET = Symbol('FamilyTokenSecret');

/**
 * Families sign in by phone number with a one-time code (一次性验证码) delivered by the pluggable
 * sender, and get a short-lived token this service alone issues and verifies. Codes are stored
 * hashed, expire in minutes, and allow a few attempts.
 */
@Injectable()
export class FamilySignIn {
  private readonly key: Uint8Array;

  constructor(
    private readonly fees: FeesContext,
    @Inject(CODE_SENDER) private readonly sender: SignInCodeSender,
    @Inject(FAMILY_TOKEN_SECRET) secret: string,
    @Inject(SIGN_IN_CODES) private readonly codes: SignInCodes,
    @Inject(ORDERS) private readonly orders: OrderRepository,
  ) {
    if (secret.length < 32) throw new Error('FEES_FAMILY_TOKEN_SECRET must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  async sendCode(phone: string): Promise<{ expiresInSeconds: number }> {
    const now = this.fees.clock.now();
    const recent = await this.codes.countSince(phone, new Date(now.getTime() - 3_600_000));
    if (recent >= MAX_CODES_PER_HOUR)
      throw new SignInRefused('too many codes for this number; try again later');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    // Only the newest code is valid: a new one retires those sent before.
    await this.codes.retire(phone, now);
    await this.codes.add({
      id: newId(),
      phone,
      codeHash: this.hash(phone, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    });
    await this.sender.send(phone, code);
    return { expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  async verify(phone: string, code: string): Promise<{ token: string; familyId: string; expiresIn: string }> {
    const now = this.fees.clock.now();
    const latest = await this.codes.latestValid(phone, now);
    if (!latest || latest.attempts >= MAX_ATTEMPTS) throw new SignInRefused('no valid code for this number');
    const ok = timingSafeEqual(
      Buffer.from(latest.codeHash, 'hex'),
      Buffer.from(this.hash(phone, code), 'hex'),
    );
    // The attempt counts whether or not it succeeds; a used code cannot be used again (compare-and-set).
    const claimed = await this.codes.attempt(latest, ok, now);
    if (!ok || !claimed) throw new SignInRefused('wrong code');
    const family = await this.orders.familyOfPhone(phone);
    const token = await new SignJWT({ phone })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(family.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(TOKEN_TTL)
      .sign(this.key);
    return { token, familyId: family.id, expiresIn: TOKEN_TTL };
  }

  /** Throws unless the token is one this service issued, unexpired. */
  async session(token: string): Promise<FamilySession> {
    const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE });
    if (!payload.sub || typeof payload.phone !== 'string') throw new SignInRefused('malformed family token');
    return { familyId: payload.sub, phone: payload.phone };
  }

  private hash(phone: string, code: string): string {
    return createHash('sha256').update(`${phone}:${code}`).update(this.key).digest('hex');
  }
}
