// The staff pages' live-updates token: what it binds, and every way a token that should not open a socket is refused.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  InvalidLiveConnectTokenError,
  issueLiveConnectToken,
  LIVE_CONNECT_TOKEN_SECONDS,
  sealOf,
  verifyLiveConnectToken,
} from '../../../../functions/platform/live-updates/connect-token.js';

const key = randomBytes(32);
const operator = { subject: 'user-operator-1', roles: ['operator' as const], companyId: 'demo-bay-cruises' };
const issuedAt = new Date('2026-12-07T08:00:00Z');
const secondsLater = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

describe('the live-updates connect token', () => {
  it('names the staff member, their roles and company, and expires a minute after it is issued', () => {
    const { token, expiresAt } = issueLiveConnectToken(key, operator, issuedAt);
    expect(expiresAt).toBe('2026-12-07T08:01:00.000Z');
    expect(verifyLiveConnectToken(key, token, secondsLater(59))).toEqual({
      subject: 'user-operator-1',
      email: null,
      roles: ['operator'],
      companyId: 'demo-bay-cruises',
    });
  });

  it('is refused once expired', () => {
    const { token } = issueLiveConnectToken(key, operator, issuedAt);
    expect(() => verifyLiveConnectToken(key, token, secondsLater(LIVE_CONNECT_TOKEN_SECONDS + 1))).toThrow(
      InvalidLiveConnectTokenError,
    );
  });

  it('is refused when its claims are changed (an operator making itself the authority)', () => {
    const { token } = issueLiveConnectToken(key, operator, issuedAt);
    const [payload, seal] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['manager'] })).toString('base64url');
    expect(() => verifyLiveConnectToken(key, `${forged}.${seal}`, secondsLater(1))).toThrow(
      InvalidLiveConnectTokenError,
    );
  });

  it('is refused when signed with another key', () => {
    const { token } = issueLiveConnectToken(randomBytes(32), operator, issuedAt);
    expect(() => verifyLiveConnectToken(key, token, secondsLater(1))).toThrow(InvalidLiveConnectTokenError);
  });

  it('is refused when the same key sealed it for another purpose, or it claims a longer life than a minute', () => {
    const at = Math.floor(issuedAt.getTime() / 1000);
    const claims = (purpose: string, exp: number) =>
      Buffer.from(
        JSON.stringify({ purpose, sub: 'user-manager-1', roles: ['manager'], companyId: null, iat: at, exp }),
      ).toString('base64url');
    // Sealed for another purpose, its claims saying so or saying ours: neither passes.
    for (const said of ['halong-something-else', 'halong-live-updates-connect']) {
      const data = claims(said, at + 60);
      expect(() =>
        verifyLiveConnectToken(key, `${data}.${sealOf(key, 'halong-something-else', data)}`, secondsLater(1)),
      ).toThrow(InvalidLiveConnectTokenError);
    }
    const data = claims('halong-live-updates-connect', at + 86_400);
    const longLived = `${data}.${sealOf(key, 'halong-live-updates-connect', data)}`;
    expect(verifyLiveConnectToken(key, longLived, secondsLater(30)).roles).toEqual(['manager']);
    expect(() => verifyLiveConnectToken(key, longLived, secondsLater(120))).toThrow(
      InvalidLiveConnectTokenError,
    );
  });

  it('is refused when it is not a token at all', () => {
    expect(() => verifyLiveConnectToken(key, 'not-a-token', issuedAt)).toThrow(InvalidLiveConnectTokenError);
  });
});
