// Failed logins at the portal lock out for longer the more there are, against the rate limiter's counters in
// DynamoDB Local and a clock the test moves: ten minutes, then the rest of the hour, then the rest of the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../functions/platform/rate-limit.js';
import {
  failedLoginLimits,
  lockedOutFor,
  recordFailedLogin,
} from '../../../functions/wifi/portal/attempt-limits.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform({ seed: false });
});
afterAll(() => platform.dispose());

describe('failed logins at the portal', () => {
  it('lock a device out for ten minutes, then for the rest of the hour, then for the rest of the day', async () => {
    const dayStart = Date.UTC(2026, 11, 7);
    let clock = new Date(dayStart);
    const limiter = createRateLimiter(platform.dependencies.db, platform.tableName, () => clock);
    const device = failedLoginLimits.perDevice('device-under-test');
    const fail = async (times: number) => {
      for (let index = 0; index < times; index += 1) await recordFailedLogin(limiter, device);
    };
    const at = (seconds: number) => {
      clock = new Date(dayStart + seconds * 1000);
      return clock;
    };

    expect(await lockedOutFor(limiter, device, at(0))).toBe(0);
    await fail(9);
    expect(await lockedOutFor(limiter, device, at(0))).toBe(0);
    await fail(1);
    expect(await lockedOutFor(limiter, device, at(0))).toBe(600);
    expect(await lockedOutFor(limiter, device, at(599))).toBe(1);
    // The next ten minutes start afresh, but ten more failures fill the hour's step.
    expect(await lockedOutFor(limiter, device, at(600))).toBe(0);
    await fail(10);
    expect(await lockedOutFor(limiter, device, at(600))).toBe(3000);
    // The next hour starts afresh, but twenty more fill the day's step.
    expect(await lockedOutFor(limiter, device, at(3600))).toBe(0);
    await fail(10);
    at(4200);
    await fail(10);
    expect(await lockedOutFor(limiter, device, at(4200))).toBe(86_400 - 4200);
  });

  it('give a client address, shared by a hotspot’s guests, three times the room of a device', async () => {
    let clock = new Date(Date.UTC(2026, 11, 8));
    const limiter = createRateLimiter(platform.dependencies.db, platform.tableName, () => clock);
    const network = failedLoginLimits.perNetwork('network-under-test');
    for (let index = 0; index < 29; index += 1) await recordFailedLogin(limiter, network);
    expect(await lockedOutFor(limiter, network, clock)).toBe(0);
    await recordFailedLogin(limiter, network);
    expect(await lockedOutFor(limiter, network, clock)).toBe(600);
    clock = new Date(clock.getTime() + 600_000);
    expect(await lockedOutFor(limiter, network, clock)).toBe(0);
  });
});
