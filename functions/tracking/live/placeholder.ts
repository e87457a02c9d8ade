/**
 * PLACEHOLDER, to be replaced by the tracking domain's own code (the live-updates branch added it only so the
 * endpoint, the AWS entry points and the CDK stack compile and run): until the domain decides who hears what,
 * every connection is refused with 401 and no change of the table makes a live message. Delete this file when
 * `trackingLiveTopicsFor`, `trackingLiveRoutesFor` and `liveMessagesOfChangeFor` are exported by
 * functions/tracking/index.ts from their real modules.
 */
import type { PlatformDependencies } from '../../platform/dependencies.js';
import type { LiveRoute, LiveTopicsResolver } from '../../platform/live-updates/port.js';
import type { LiveMessagesOfChange } from '../../platform/live-updates/stream-publisher.js';
import { ProblemError } from '../../platform/problem-details.js';
import { TRACKING_BASE_PATH } from '../routes.js';

/** Where browsers open the tracking domain's WebSocket locally (on AWS: LIVE_UPDATES_URL). */
export const TRACKING_LIVE_PATH = `${TRACKING_BASE_PATH}/live`;

/** PLACEHOLDER: refuses every connection (401) until the domain's rules of who sees what are written. */
export function trackingLiveTopicsFor(_dependencies: PlatformDependencies): LiveTopicsResolver {
  return async () => {
    throw new ProblemError(401, 'unauthenticated', 'Live tracking is not open yet.');
  };
}

/** The tracking domain's WebSocket endpoints for the local process (functions/local/live.ts). */
export function trackingLiveRoutesFor(dependencies: PlatformDependencies): LiveRoute[] {
  return [{ path: TRACKING_LIVE_PATH, resolve: trackingLiveTopicsFor(dependencies) }];
}

/** PLACEHOLDER: no change makes a live message yet. */
export function liveMessagesOfChangeFor(
  _data: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
): LiveMessagesOfChange {
  return async () => [];
}
