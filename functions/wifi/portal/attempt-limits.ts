/**
 * Failed logins at the portal lock a guest out for longer the more there are: a wrong one-time code, a booking
 * reference that lets nobody in, a device the UniFi controller does not vouch for. Each subject — a device
 * (today's keyed hash of its MAC) and a client address (a keyed hash; behind a hotspot's NAT all its guests share
 * one, so its steps are wider) — climbs a staircase of fixed windows: past the first step it waits until that
 * ten-minute window ends, past the next until the hour's ends, past the last until the day's. The counters are
 * the rate limiter's (platform/rate-limit.ts), whose fixed windows start at multiples of their length since the
 * epoch; the steps and their reasons are in docs/decisions.md.
 */
import { type Limit, type RateLimiter, secondsLeftInWindow } from '../../platform/rate-limit.js';

type Step = Pick<Limit, 'limit' | 'windowSeconds'>;

const DEVICE_STEPS: Step[] = [
  { limit: 10, windowSeconds: 600 },
  { limit: 20, windowSeconds: 3600 },
  { limit: 40, windowSeconds: 86_400 },
];
const NETWORK_STEPS: Step[] = [
  { limit: 30, windowSeconds: 600 },
  { limit: 100, windowSeconds: 3600 },
  { limit: 300, windowSeconds: 86_400 },
];

export const failedLoginLimits = {
  perDevice: (device: string): Limit[] =>
    DEVICE_STEPS.map((step) => ({ bucket: `wifi-failed-login-device#${device}`, ...step })),
  perNetwork: (network: string): Limit[] =>
    NETWORK_STEPS.map((step) => ({ bucket: `wifi-failed-login-network#${network}`, ...step })),
};

/** The UniFi controller is asked about one device at most this often: each ask costs it a login and a lookup. */
export const unifiAttemptLimit = (device: string): Limit => ({
  bucket: `wifi-unifi-device#${device}`,
  limit: 5,
  windowSeconds: 600,
});

/** How long the subjects of `limits` must wait: until the last of their full windows ends; 0 when none is full. */
export async function lockedOutFor(limiter: RateLimiter, limits: Limit[], now: Date): Promise<number> {
  const full = await Promise.all(limits.map((limit) => limiter.exhausted(limit)));
  return Math.max(
    0,
    ...limits.filter((_, index) => full[index]).map((limit) => secondsLeftInWindow(limit, now)),
  );
}

/** Counts one failure on every step of every subject. */
export async function recordFailedLogin(limiter: RateLimiter, limits: Limit[]): Promise<void> {
  await Promise.all(limits.map((limit) => limiter.record(limit)));
}

/** Takes one attempt from each limit in turn; the seconds until the first full one has room, or 0 when all took it. */
export async function takeAll(limiter: RateLimiter, limits: Limit[], now: Date): Promise<number> {
  for (const limit of limits) {
    if (!(await limiter.take(limit))) return secondsLeftInWindow(limit, now);
  }
  return 0;
}
