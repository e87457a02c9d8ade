/**
 * The address visitors use for the site, for links that leave a request (payment return pages, message links,
 * the Wi-Fi portal's landing page) and for what pages print (canonical links, JSON-LD): PUBLIC_BASE_URL when set;
 * else the host CloudFront saw, which its viewer-request function copies into X-Forwarded-Host (API Gateway needs
 * its own host in Host), but only when that host is one of ALLOWED_HOSTS; else the request's own origin. Anyone
 * who reaches a function without CloudFront (API Gateway's own address) can write X-Forwarded-Host, so a host
 * that is not configured is never trusted: it would put an attacker's address into cached pages and into
 * Stripe's return URLs.
 */

/** Where the site's public address comes from (see config.ts: PUBLIC_BASE_URL, ALLOWED_HOSTS). */
export interface PublicAddress {
  publicBaseUrl: string | undefined;
  /** Lower-case host names, with their port when not the default, that X-Forwarded-Host may name. */
  allowedHosts: readonly string[];
}

export function publicOrigin(request: Request, address: PublicAddress): string {
  if (address.publicBaseUrl) return new URL(address.publicBaseUrl).origin;
  const forwarded = request.headers.get('X-Forwarded-Host')?.trim().toLowerCase();
  if (forwarded && address.allowedHosts.includes(forwarded)) return `https://${forwarded}`;
  return new URL(request.url).origin;
}
