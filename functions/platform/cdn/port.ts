/**
 * The CDN port: tells the cache in front of the site that the pages at some addresses changed, so that the next
 * request for them reaches the origin. On AWS a CloudFront invalidation (cloudfront-invalidation.ts); locally the
 * local edge cache forgets them (functions/local/edge-cache.ts).
 */

/**
 * What changed, as CloudFront's invalidations name it. Each path starts at the root and is matched against what
 * the cache keeps, the query string included: a path ending in `*` covers every address that begins with the rest
 * (the wildcard may stand only at the end), any other path that one address alone.
 */
export interface Invalidation {
  paths: readonly string[];
  /**
   * Names the change, e.g. the stream records it came from: a second request with the same reference and paths
   * invalidates nothing more (CloudFront answers with the first), so a retried delivery costs nothing.
   */
  reference: string;
}

export interface CdnPort {
  /** Has the CDN forget what it keeps at the paths; resolves, with the CDN's id for it, once it has accepted. */
  invalidate(invalidation: Invalidation): Promise<{ id: string }>;
}

/** Whether an invalidation path covers an address (a path, with its query string when it has one). */
export function invalidationPathCovers(path: string, address: string): boolean {
  return path.endsWith('*') ? address.startsWith(path.slice(0, -1)) : address === path;
}
