/**
 * Where a page's script opens the live updates: LIVE_UPDATES_URL when configured (on AWS, the WebSocket API's own
 * host, set by the deployment); otherwise the endpoint's path on the site's own origin, `ws://` or `wss://` as the
 * page was served (locally, where the WebSocket endpoint is in the same process as the site).
 */
import type { PlatformConfig } from '../config.js';

export function liveUpdatesAddress(
  config: Pick<PlatformConfig, 'liveUpdatesUrl'>,
  siteOrigin: string,
  path: string,
): string {
  if (config.liveUpdatesUrl) return config.liveUpdatesUrl;
  const address = new URL(path, siteOrigin);
  address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
  return address.href;
}
