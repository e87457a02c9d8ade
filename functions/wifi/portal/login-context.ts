/**
 * What the portal must remember between showing the login page and the guest's answer — which hotspot, what
 * the gateway said about the guest — carried in the page itself, sealed with an HMAC so it cannot be forged or
 * moved to another hotspot, valid for a few minutes and (checked by the caller against the store) used once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { localDateAt } from '../../platform/local-time.js';

export const LOGIN_CONTEXT_MINUTES = 10;

export interface LoginContext<T> {
  hotspotId: string;
  /** What the gateway's adapter needs to grant access (the hid, the grant URL, the MAC…). */
  gateway: T;
  /** A random id: the login it starts can be completed once. */
  nonce: string;
  expiresAt: number;
}

export class LoginContextError extends Error {
  constructor(readonly reason: 'forged' | 'expired' | 'other-hotspot') {
    super(`login context ${reason}`);
    this.name = 'LoginContextError';
  }
}

const sign = (key: Uint8Array, data: string) => createHmac('sha256', key).update(data).digest('base64url');

export function sealLoginContext<T>(key: Uint8Array, hotspotId: string, gateway: T, now: Date): string {
  const context: LoginContext<T> = {
    hotspotId,
    gateway,
    nonce: randomBytes(16).toString('base64url'),
    expiresAt: Math.floor(now.getTime() / 1000) + LOGIN_CONTEXT_MINUTES * 60,
  };
  const data = Buffer.from(JSON.stringify(context), 'utf8').toString('base64url');
  return `${data}.${sign(key, data)}`;
}

/** The same login (its nonce, its guest) sealed again with a fresh expiry: time to type a code just sent. */
export function resealLoginContext<T>(key: Uint8Array, context: LoginContext<T>, now: Date): string {
  const renewed: LoginContext<T> = {
    ...context,
    expiresAt: Math.floor(now.getTime() / 1000) + LOGIN_CONTEXT_MINUTES * 60,
  };
  const data = Buffer.from(JSON.stringify(renewed), 'utf8').toString('base64url');
  return `${data}.${sign(key, data)}`;
}

export function openLoginContext<T>(
  key: Uint8Array,
  sealed: string,
  hotspotId: string,
  now: Date,
): LoginContext<T> {
  const [data, signature, ...rest] = sealed.split('.');
  if (!data || !signature || rest.length > 0) throw new LoginContextError('forged');
  const expected = Buffer.from(sign(key, data));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new LoginContextError('forged');
  const context = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as LoginContext<T>;
  if (context.hotspotId !== hotspotId) throw new LoginContextError('other-hotspot');
  if (context.expiresAt < now.getTime() / 1000) throw new LoginContextError('expired');
  return context;
}

/**
 * A device, known without keeping its MAC: a keyed hash that changes every day (the key is derived from the
 * portal's secret and the local date in Hạ Long), enough to count a device's sessions today and nothing more.
 */
export function deviceHash(key: Uint8Array, mac: string, now: Date): string {
  const dayKey = createHmac('sha256', key)
    .update(`device-day:${localDateAt(now)}`)
    .digest();
  return createHmac('sha256', dayKey).update(mac.toLowerCase()).digest('base64url').slice(0, 32);
}
