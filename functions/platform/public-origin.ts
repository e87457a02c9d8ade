/**
 * The address visitors use for the site, for links that leave it (payment return pages, message links):
 * PUBLIC_BASE_URL when set; else the host CloudFront saw (its viewer-request function copies it into
 * X-Forwarded-Host, since API Gateway needs its own host in Host); else the request's own origin (locally).
 */
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

export function publicOrigin(request: Request, configured: string | undefined): string {
  if (configured) return new URL(configured).origin;
  const forwarded = request.headers.get('X-Forwarded-Host');
  if (forwarded && HOST_NAME.test(forwarded)) return `https://${forwarded}`;
  return new URL(request.url).origin;
}
