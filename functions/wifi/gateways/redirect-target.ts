/**
 * Where a guest may be sent after logging in. The gateways pass the page the guest first asked for
 * (`originurl`, `redir`, `url`, `userurl`, `continue_url`), but it comes from the network: only an absolute
 * http(s) URL without credentials is kept, otherwise the guest lands on our own landing page.
 */
export function safeDestination(candidate: string | undefined | null, fallback: string): string {
  if (!candidate || candidate.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fallback;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
    return fallback;
  return url.href;
}
