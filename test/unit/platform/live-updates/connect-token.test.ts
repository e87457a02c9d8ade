// The staff pages' live-updates token: what it binds, and every way a token that should not open a socket is refused.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  InvalidLiveConnectTokenError,
  issueLiveConnectToken,
  LIVE_CONNECT_TOKEN_SECONDS,
  verifyLiveConnectToken,
} from '../../../../functions/platform/live-updates/connect-token.js';

const key = randomBytes(32);
const operator = { subject: 'user-operator-1', roles: ['operator' as const], companyId: 'demo-bay-cruises' };
const issuedAt = new Date('2026-12-07T08:00:00Z');
const secondsLater = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

describe('the live-updates connect token', () => {
  it('names the staff member, their roles and company, and expires a minute after it is issued', async () => {
    const { token, expiresAt } = await issueLiveConnectToken(key, operator, issuedAt);
    expect(expiresAt).toBe('2026-12-07T08:01:00.000Z');
    expect(await verifyLiveConnectToken(key, token, secondsLater(59))).toEqual({
      subject: 'user-operator-1',
      email: null,
      roles: ['operator'],
      companyId: 'demo-bay-cruises',
    });
  });

  it('is refused once expired', async () => {
    const { token } = await issueLiveConnectToken(key, operator, issuedAt);
    await expect(
      verifyLiveConnectToken(key, token, secondsLater(LIVE_CONNECT_TOKEN_SECONDS + 1)),
    ).rejects.toThrow(InvalidLiveConnectTokenError);
  });

  it('is refused when its claims are changed (an operator making itself the authority)', async () => {
    const { token } = await issueLiveConnectToken(key, operator, issuedAt);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['manager'] })).toString('base64url');
    await expect(
      verifyLiveConnectToken(key, `${header}.${forged}.${signature}`, secondsLater(1)),
    ).rejects.toThrow(InvalidLiveConnectTokenError);
  });

  it('is refused when signed with another key', async () => {
    const { token } = await issueLiveConnectToken(randomBytes(32), operator, issuedAt);
    await expect(verifyLiveConnectToken(key, token, secondsLater(1))).rejects.toThrow(
      InvalidLiveConnectTokenError,
    );
  });

  it('is refused when the same key signed it for another purpose, or with a longer life than a minute', async () => {
    const at = Math.floor(issuedAt.getTime() / 1000);
    const otherPurpose = await new SignJWT({ roles: ['manager'], companyId: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-manager-1')
      .setAudience('halong-something-else')
      .setIssuedAt(at)
      .setExpirationTime(at + 60)
      .sign(key);
    await expect(verifyLiveConnectToken(key, otherPurpose, secondsLater(1))).rejects.toThrow(
      InvalidLiveConnectTokenError,
    );
    const longLived = await new SignJWT({ roles: ['manager'], companyId: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-manager-1')
      .setAudience('halong-live-updates-connect')
      .setIssuedAt(at)
      .setExpirationTime(at + 86_400)
      .sign(key);
    expect((await verifyLiveConnectToken(key, longLived, secondsLater(30))).roles).toEqual(['manager']);
    await expect(verifyLiveConnectToken(key, longLived, secondsLater(120))).rejects.toThrow(
      InvalidLiveConnectTokenError,
    );
  });

  it('is refused when it is not a token at all', async () => {
    await expect(verifyLiveConnectToken(key, 'not-a-token', issuedAt)).rejects.toThrow(
      InvalidLiveConnectTokenError,
    );
  });
});
