/** Starts `npm start`'s program as a child process, the way a newcomer runs it, and stops it like Ctrl-C. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const REPOSITORY_ROOT = new URL('../../../', import.meta.url).pathname;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
}

export interface PlatformProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs functions/local/start.ts in its own process group; resolves once it prints its URL. */
export function launchPlatform(
  environment: Record<string, string>,
  arguments_: string[] = ['--in-memory'],
): PlatformProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts', ...arguments_], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...environment },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // 'close' rather than 'exit': it fires once the output pipes are drained and closed too.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The URL in the platform's "… is running: <url>" line, once it is printed. */
export function printedUrl(output: string): string | undefined {
  return /is running: (http:\/\/\S+)/.exec(output)?.[1];
}

export async function waitForUrl(platform: PlatformProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let finished = false;
  void platform.exited.then(() => {
    finished = true;
  });
  while (Date.now() < deadline) {
    const url = printedUrl(platform.output());
    if (url) return url;
    if (finished) throw new Error(`The platform exited while starting:\n${platform.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The platform did not start within ${timeoutMs} ms:\n${platform.output()}`);
}

/** Sends SIGINT to the whole process group, as Ctrl-C in a terminal does. */
export async function interrupt(platform: PlatformProcess, timeoutMs = 20_000): Promise<number | null> {
  if (platform.child.pid === undefined || platform.child.exitCode !== null) return platform.child.exitCode;
  process.kill(-platform.child.pid, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([platform.exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    process.kill(-platform.child.pid, 'SIGKILL');
    throw new Error('The platform did not stop within 20 s of Ctrl-C');
  }
  return outcome;
}

/** Process ids of the direct children of `pid` (empty when it has none). */
export function childProcessIds(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
