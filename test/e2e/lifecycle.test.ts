import { afterEach, describe, expect, inject, it } from 'vitest';
import { readDemoAccounts } from '../../functions/local/bootstrap.js';
import { freePort } from '../../functions/local/dynamodb-local.js';
import {
  childProcessIds,
  interrupt,
  isRunning,
  launchPlatform as launchPlatformProcess,
  type PlatformProcess,
  waitForUrl,
} from './support/platform-process.js';

/**
 * A whole platform starting (its own DynamoDB Local, the seed, the forecasts, for npm run dev Astro's dev
 * server) gets the 120 s its waitForUrl allows, and the test a minute beyond that to use it and stop it.
 */
const STARTING_PLATFORM_TIMEOUT_MS = 180_000;

// A test that fails half-way must not leave its platform running (the process group is detached) for the rest
// of the run: whatever is still running is killed after each test.
const launched: PlatformProcess[] = [];
function launchPlatform(...parameters: Parameters<typeof launchPlatformProcess>): PlatformProcess {
  const platform = launchPlatformProcess(...parameters);
  launched.push(platform);
  return platform;
}
afterEach(() => {
  for (const platform of launched.splice(0)) {
    const pid = platform.child.pid;
    if (pid !== undefined && platform.child.exitCode === null && isRunning(pid))
      process.kill(-pid, 'SIGKILL');
  }
});

describe('npm start', () => {
  // What it prints and how it stops, on one platform: each start costs most of a minute.
  it('says each step while it starts (and no SDK warning), then the URL with the demo accounts; Ctrl-C stops everything, Java included', {
    timeout: STARTING_PLATFORM_TIMEOUT_MS,
  }, async () => {
    const port = await freePort();
    const platform = launchPlatform({ PORT: String(port) });
    expect(await waitForUrl(platform, 120_000)).toBe(`http://localhost:${port}/`);
    const steps = [
      'Starting DynamoDB Local (in memory)…',
      'Seeding demo data…',
      'Forecasting demand 90 days ahead…',
      'Counting the records for the managers’ dashboard…',
      'Ready in ',
      `is running: http://localhost:${port}/`,
      'Demo accounts (local only, never on AWS)',
    ].map((step) => platform.output().indexOf(step));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // The first seed's batch writes fit the client's sockets: the AWS SDK has nothing to warn about.
    expect(platform.output()).not.toContain('socket usage at capacity');
    for (const account of await readDemoAccounts()) {
      expect(platform.output()).toMatch(
        new RegExp(`\\n +${account.roles.join(', ')} +${account.email} +${account.password}\\b`),
      );
    }
    const pid = platform.child.pid ?? 0;
    const children = childProcessIds(pid);
    expect(children.length).toBeGreaterThan(0);
    expect(await interrupt(platform)).toBe(0);
    for (const child of children) expect(isRunning(child)).toBe(false);
  });

  it('explains a busy port in one sentence, without a stack trace', async () => {
    const busyPort = new URL(inject('baseUrl')).port;
    const platform = launchPlatform({ PORT: busyPort });
    expect(await platform.exited).toBe(1);
    expect(platform.output()).toContain(`Port ${busyPort} is already in use`);
    expect(platform.output()).not.toMatch(/\n\s+at /);
  });

  it('explains a missing Java in one sentence', async () => {
    const platform = launchPlatform({ PORT: String(await freePort()), PATH: '/nonexistent' });
    expect(await platform.exited).toBe(1);
    expect(platform.output()).toMatch(/Java 17 or newer is needed to run DynamoDB Local/);
    expect(platform.output()).not.toMatch(/\n\s+at /);
  });

  it('explains an unreachable DYNAMODB_ENDPOINT in one sentence', async () => {
    const nobodyListens = `http://127.0.0.1:${await freePort()}`;
    const platform = launchPlatform({ PORT: String(await freePort()), DYNAMODB_ENDPOINT: nobodyListens });
    expect(await platform.exited).toBe(1);
    expect(platform.output()).toContain(`DynamoDB at ${nobodyListens} does not answer`);
  });
});

describe('npm run dev', () => {
  it('serves the site from Astro’s dev server, pages reading the table, /api forwarded; stops on Ctrl-C', {
    timeout: STARTING_PLATFORM_TIMEOUT_MS,
  }, async () => {
    const platform = launchPlatform({ PORT: String(await freePort()) }, ['--in-memory', '--dev']);
    const url = (await waitForUrl(platform, 120_000)).replace(/\/$/, '');
    const pid = platform.child.pid ?? 0;
    try {
      const page = await retry(() => fetch(`${url}/en/boats/`));
      expect(page.status).toBe(200);
      // Rendered by the dev server from the routes in DynamoDB Local, as in production.
      expect(await page.text()).toContain('Thiên Cung Cave');
      const routes = await fetch(`${url}/api/boats/routes`);
      expect(((await routes.json()) as { routes: unknown[] }).routes).toHaveLength(8);
    } finally {
      const children = childProcessIds(pid);
      expect(await interrupt(platform)).toBe(0);
      for (const child of children) expect(isRunning(child)).toBe(false);
    }
  });
});

/**
 * Astro's dev server may still be binding its port when the platform prints its URL; in a full run on a busy
 * machine that took longer than 10 s, so the connection is retried for up to a minute.
 */
async function retry(request: () => Promise<Response>, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
