/**
 * Where a redirect back to a gateway may point. MikroTik's `link-login-only`, openNDS's `gatewayaddress` and
 * CoovaChilli's `uamip:uamport` arrive in the guest's request, and nothing but (for CoovaChilli and openNDS 2–3) a
 * shared secret says a gateway wrote them: a crafted link would otherwise make the portal send a visitor anywhere.
 * So the host must be the hotspot's registered gateway address, or — where none is registered — an address on a
 * private network, where hotspot gateways live (RFC 1918, link-local, the carrier-grade NAT range 100.64/10 and
 * IPv6 unique-local and link-local). Loopback is refused: a gateway is never the guest's own device, and a redirect
 * there would reach whatever listens on the visitor's phone or laptop. Host names are accepted only when registered.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import * as z from 'zod';

const privateNetworks = new BlockList();
privateNetworks.addSubnet('10.0.0.0', 8, 'ipv4');
privateNetworks.addSubnet('172.16.0.0', 12, 'ipv4');
privateNetworks.addSubnet('192.168.0.0', 16, 'ipv4');
privateNetworks.addSubnet('169.254.0.0', 16, 'ipv4');
privateNetworks.addSubnet('100.64.0.0', 10, 'ipv4');
privateNetworks.addSubnet('fc00::', 7, 'ipv6');
privateNetworks.addSubnet('fe80::', 10, 'ipv6');

/** Whether an IP address (IPv6 with or without brackets) is on a private network a gateway may use. */
export function isPrivateNetworkAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(bare)) return privateNetworks.check(bare, 'ipv4');
  if (isIPv6(bare)) return privateNetworks.check(bare, 'ipv6');
  return false;
}

/**
 * `host` or `host:port`, the host read the way a browser reads it (so `0x0a.1` is 10.0.0.1) and the port as
 * written (so a registered :80 still means port 80); null when it is not a host.
 */
function hostOf(address: string): { hostname: string; port: string } | null {
  const [, host = '', port = ''] = /^(.*?)(?::(\d{1,5}))?$/.exec(address) ?? [];
  if (port !== '' && Number(port) > 65_535) return null;
  try {
    return { hostname: new URL(`http://${host}/`).hostname, port };
  } catch {
    return null;
  }
}

const HOST_AND_PORT =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(?::\d{1,5})?$/;

/** The registered address, as admins type it and as it is stored: no transformation, so it reads back the same. */
export const GatewayAddress = z
  .string()
  .max(261)
  .regex(HOST_AND_PORT, 'a host or host:port, such as 192.168.8.1:2050 or 10.5.50.1')
  .refine((address) => hostOf(address) !== null, 'a host or host:port, such as 192.168.8.1:2050')
  .meta({
    description:
      'The gateway’s address as guests’ browsers reach it (host or host:port). A redirect back to the gateway goes only there; without it, only a private-network address (RFC 1918, link-local, 100.64.0.0/10, IPv6 ULA) is accepted.',
  });

/**
 * Whether a redirect may go to `target` (a URL built from the gateway's parameters). With a registered address,
 * the host must be that one, and its port too when one is registered (a URL's default port counts as its port).
 */
export function isGatewayTarget(target: URL, registered: string | undefined): boolean {
  if (target.username || target.password) return false;
  if (registered === undefined) return isPrivateNetworkAddress(target.hostname);
  const expected = hostOf(registered);
  if (!expected || expected.hostname !== target.hostname) return false;
  if (expected.port === '') return true;
  const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80');
  return targetPort === expected.port;
}
