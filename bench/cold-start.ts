/** The local platform's cold start: from spawning `npm start`'s program to the first 200 on /api/health. */
import { freePort } from '../functions/local/dynamodb-local.js';
import { interrupt, launchPlatform } from '../test/e2e/support/platform-process.js';

export const COLD_START_RUNS = 5;

/** Milliseconds from spawning the platform (in memory) to the first 200 on /api/health, polled every 25 ms. */
export async function measureColdStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const platform = launchPlatform({ PORT: String(port) });
  try {
    for (;;) {
      if (platform.child.exitCode !== null) throw new Error(`the platform exited:\n${platform.output()}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await interrupt(platform);
  }
}
