/**
 * The address a request came from, for attempt limits: on AWS the viewer's address that CloudFront's
 * viewer-request function writes into X-Viewer-Address (replacing any the viewer sent), else the address API
 * Gateway saw; locally the socket's peer. Behind a hotspot's NAT every guest has the same address, so limits
 * keyed on it must be generous. A caller that reaches API Gateway directly can write the header itself: limits
 * that must hold against a determined attacker are keyed on something else (a code, an address), never only this.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

interface LambdaEnv {
  event?: { requestContext?: { http?: { sourceIp?: string } } };
}
interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(context: Context): string {
  const viewer = context.req.header('X-Viewer-Address')?.trim();
  if (viewer && /^[0-9a-fA-F.:]{2,45}$/.test(viewer)) return viewer;
  const env = (context.env ?? {}) as LambdaEnv & NodeEnv;
  return env.event?.requestContext?.http?.sourceIp ?? env.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The client address cut to a 24-bit hash, for a rate limit's bucket: enough to keep one address's count apart
 * from almost every other's, too little to say whose it was (each value stands for 256 IPv4 addresses), since
 * the counter outlives the request until DynamoDB's TTL deletes it.
 */
export function addressBucket(address: string): string {
  return createHash('sha256').update(address).digest('hex').slice(0, 6);
}
