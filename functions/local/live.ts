/**
 * The live updates' WebSocket endpoints of the local process, each domain's path and resolver in one list, attached
 * to the HTTP server that serves the API (functions/local/start.ts). A domain with an endpoint adds its routes here.
 */
import type { Server } from 'node:http';
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { LocalLiveUpdates } from '../platform/live-updates/local-websocket.js';
import type { LiveRoute } from '../platform/live-updates/port.js';
import { trackingLiveRoutesFor } from '../tracking/index.js';

export function localLiveRoutes(dependencies: PlatformDependencies): LiveRoute[] {
  return [...trackingLiveRoutesFor(dependencies)];
}

/** Serves every domain's live endpoint on `server` (what `serve()` returned) through `liveUpdates`. */
export function attachLiveUpdates(
  server: Server,
  liveUpdates: LocalLiveUpdates,
  dependencies: PlatformDependencies,
): void {
  liveUpdates.attach(server, localLiveRoutes(dependencies));
}
