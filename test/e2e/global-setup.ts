/**
 * The browser tests run against the real platform, started as `npm start -- --in-memory` would, on a free
 * port. Missing Chromium fails the run with a sentence saying how to install it — never a silent skip.
 */
import type { TestProject } from 'vitest/node';
import { freePort } from '../../functions/local/dynamodb-local.js';
import {
  assertChromiumInstalled,
  interrupt,
  launchPlatform,
  type PlatformProcess,
  waitForUrl,
} from './support/platform-process.js';

let platform: PlatformProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  assertChromiumInstalled();
  platform = launchPlatform({ PORT: String(await freePort()) });
  const baseUrl = await waitForUrl(platform, 200_000);
  project.provide('baseUrl', baseUrl.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  if (platform) await interrupt(platform);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
