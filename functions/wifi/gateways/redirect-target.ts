/**
 * Where a guest may be sent after logging in. The gateways pass the page the guest first asked for
 * (`originurl`, `redir`, `url`, `userurl`, `continue_url`), but it comes from the network: only an absolute
 * http(s) URL without credentials is kept, otherwise the guest lands on our own landing page. Nor is the probe a
 * phone's system sends to find out whether it is online (Android's generate_204, Apple's hotspot-detect, …): that
 * is what the gateway caught, not a page anyone asked for, so the guest lands on our page instead.
 */

const PROBE_HOSTS = new Set([
  'captive.apple.com',
  'www.apple.com',
  'www.appleiphonecell.com',
  'www.msftconnecttest.com',
  'ipv6.msftconnecttest.com',
  'www.msftncsi.com',
  'detectportal.firefox.com',
  'nmcheck.gnome.org',
  'connectivity-check.ubuntu.com',
  'network-test.debian.org',
]);

export function isConnectivityProbe(url: URL): boolean {
  if (/\/(generate_204|gen_204)$/.test(url.pathname)) return true;
  if (url.hostname === 'www.apple.com') return url.pathname.startsWith('/library/test/');
  return PROBE_HOSTS.has(url.hostname);
}

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
  if (isConnectivityProbe(url)) return fallback;
  return url.href;
}
