/**
 * The portal's view of a guest sent by a gateway, whatever its vendor: who they are (the MAC, for the device
 * hash and quotas), where they wanted to go, and what the vendor's adapter needs to let them in; then the
 * grant in the form the gateway expects — a redirect back to it, a form the browser posts to it, an entry for
 * openNDS authmon to collect, or a call to the UniFi controller.
 */
import {
  type ChilliRedirect,
  chilliLogonBase,
  chilliLogonUrl,
  readChilliRedirect,
} from '../gateways/coovachilli.js';
import { isGatewayTarget } from '../gateways/gateway-address.js';
import { merakiGrantUrl, readMerakiRedirect } from '../gateways/meraki.js';
import { loginAddress, mikrotikLoginForm } from '../gateways/mikrotik.js';
import {
  type AuthmonGrant,
  gatewayAuthUrl,
  gatewayBase,
  gatewayHashFor,
  readFasEncrypted,
  readFasLevel1,
  rhidFor,
} from '../gateways/opennds.js';
import { safeDestination } from '../gateways/redirect-target.js';
import { type ConfirmedGuest, readUnifiRedirect } from '../gateways/unifi.js';
import type { Hotspot, SessionPolicy } from '../model.js';

/**
 * The guest as the gateway described them. `wanted` is the page they first asked for; `wantedSigned` says whether
 * the gateway vouched for it with the hotspot's secret (openNDS levels 2–3 encrypt it with the faskey, CoovaChilli
 * signs the whole redirect with `md`): only then is the guest sent there without being asked.
 */
export type GatewayGuest = { wantedSigned?: boolean } & (
  | {
      vendor: 'opennds';
      mac: string;
      wanted?: string;
      hid: string;
      gatewayaddress: string;
      gatewayhash: string;
    }
  | { vendor: 'meraki'; mac?: string; wanted?: string; baseGrantUrl: string }
  | {
      vendor: 'mikrotik';
      mac: string;
      wanted?: string;
      linkLoginOnly: string;
      chapId?: string;
      chapChallenge?: string;
    }
  /** apMac is absent only from a login page sealed before the access point was required. */
  | { vendor: 'unifi'; mac: string; wanted?: string; apMac?: string }
  | { vendor: 'coovachilli'; mac: string; wanted?: string; redirect: ChilliRedirect }
);

/** The gateway's parameters are missing, malformed or not signed as this hotspot's gateway signs them. */
export class GatewayRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayRequestError';
  }
}

function attempt<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new GatewayRequestError(error instanceof Error ? error.message : 'unreadable gateway parameters');
  }
}

/** A redirect back to the gateway goes only to its registered address, or else a private-network one. */
function requireGatewayTarget(target: URL, registered: string | undefined): void {
  if (!isGatewayTarget(target, registered))
    throw new GatewayRequestError(`${target.host} is not this hotspot’s gateway`);
}

/** Reads the guest from the gateway's redirect to `/portal/{hotspotId}` (the query, and the URL as received). */
export function readGuest(
  hotspot: Hotspot,
  request: { query: Record<string, string | undefined>; url: string },
  now: Date,
): GatewayGuest {
  const { gateway } = hotspot;
  const { query } = request;
  switch (gateway.vendor) {
    case 'opennds': {
      const fas = query.fas;
      if (!fas) throw new GatewayRequestError('the gateway sent no fas');
      const read = attempt(() =>
        gateway.securityLevel === 1
          ? readFasLevel1(fas)
          : readFasEncrypted(fas, query.iv ?? '', gateway.faskey),
      );
      // Level 3 never sends the browser to the gateway (authmon collects the grant).
      if (gateway.securityLevel !== 3)
        requireGatewayTarget(
          attempt(() => gatewayBase(read.gatewayaddress)),
          gateway.gatewayAddress,
        );
      return {
        vendor: 'opennds',
        mac: read.clientmac,
        wanted: read.originurl,
        wantedSigned: gateway.securityLevel !== 1,
        hid: read.hid,
        gatewayaddress: read.gatewayaddress,
        gatewayhash: gatewayHashFor(read.gatewaynameRaw),
      };
    }
    case 'meraki': {
      const read = attempt(() => readMerakiRedirect(query));
      return {
        vendor: 'meraki',
        mac: read.clientMac,
        wanted: read.userContinueUrl,
        baseGrantUrl: read.baseGrantUrl,
      };
    }
    case 'mikrotik': {
      const mac = (query.mac ?? '').toLowerCase();
      if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac))
        throw new GatewayRequestError('the router sent no MAC');
      const linkLoginOnly = attempt(() => loginAddress(query['link-login-only']));
      requireGatewayTarget(new URL(linkLoginOnly), gateway.gatewayAddress);
      return {
        vendor: 'mikrotik',
        mac,
        wanted: query['link-orig'],
        linkLoginOnly,
        chapId: query['chap-id'],
        chapChallenge: query['chap-challenge'],
      };
    }
    case 'unifi': {
      const read = attempt(() => readUnifiRedirect(query, Math.floor(now.getTime() / 1000)));
      return { vendor: 'unifi', mac: read.clientMac, wanted: read.url, apMac: read.apMac };
    }
    case 'coovachilli': {
      const redirect = attempt(() => readChilliRedirect(request.url, gateway.uamsecret));
      requireGatewayTarget(
        attempt(() => chilliLogonBase(redirect)),
        gateway.gatewayAddress,
      );
      return {
        vendor: 'coovachilli',
        mac: redirect.mac,
        wanted: redirect.userurl,
        wantedSigned: true,
        redirect,
      };
    }
  }
}

export type GrantOutcome =
  /** Send the browser there (303). */
  | { kind: 'redirect'; url: string }
  /** The browser posts this form to the gateway (with a button for when JavaScript is off). */
  | { kind: 'post'; action: string; fields: Record<string, string> }
  /** openNDS level 3: authmon collects the grant on its next poll; the guest goes on afterwards. */
  | { kind: 'authmon'; gatewayhash: string; grant: AuthmonGrant; continueTo: string }
  /** Granted already (UniFi, on the controller): the guest goes on. */
  | { kind: 'granted'; continueTo: string };

/**
 * Lets the guest in as their gateway expects, for the policy's session length and rates, continuing to
 * `destination` (already checked to be a safe http(s) URL).
 */
export async function grantAccess(
  hotspot: Hotspot,
  guest: GatewayGuest,
  policy: SessionPolicy,
  destination: string,
  /** For UniFi: the guest the controller has just vouched for (portal-routes asks before spending the login). */
  unifiGuest: ConfirmedGuest | null,
): Promise<GrantOutcome> {
  const { gateway } = hotspot;
  if (guest.vendor === 'opennds' && gateway.vendor === 'opennds') {
    const rhid = rhidFor(guest.hid, gateway.faskey);
    if (gateway.securityLevel === 3) {
      return {
        kind: 'authmon',
        gatewayhash: guest.gatewayhash,
        continueTo: destination,
        grant: {
          rhid,
          sessionMinutes: policy.sessionMinutes,
          uploadKbps: policy.upKbps,
          downloadKbps: policy.downKbps,
          uploadQuotaKB: 0,
          downloadQuotaKB: policy.quotaMB * 1024,
        },
      };
    }
    return {
      kind: 'redirect',
      url: attempt(() => gatewayAuthUrl(guest.gatewayaddress, rhid, destination)),
    };
  }
  if (guest.vendor === 'meraki') {
    return {
      kind: 'redirect',
      url: merakiGrantUrl(guest.baseGrantUrl, destination, policy.sessionMinutes * 60),
    };
  }
  if (guest.vendor === 'mikrotik') {
    const form = attempt(() =>
      mikrotikLoginForm({ linkLoginOnly: guest.linkLoginOnly, destination, login: { trialMac: guest.mac } }),
    );
    return { kind: 'post', action: form.action, fields: form.fields };
  }
  if (guest.vendor === 'coovachilli' && gateway.vendor === 'coovachilli') {
    const credentials = { username: gateway.username, password: gateway.password };
    const method = gateway.chap ? 'chap' : 'pap';
    return {
      kind: 'redirect',
      url: attempt(() => chilliLogonUrl(guest.redirect, credentials, gateway.uamsecret, method, destination)),
    };
  }
  if (guest.vendor === 'unifi') {
    if (!unifiGuest) throw new GatewayRequestError('the controller has not vouched for this guest');
    await unifiGuest.authorize({
      minutes: policy.sessionMinutes,
      upKbps: policy.upKbps,
      downKbps: policy.downKbps,
      quotaMB: policy.quotaMB,
    });
    return { kind: 'granted', continueTo: destination };
  }
  throw new GatewayRequestError('the hotspot’s gateway changed since the login page was shown');
}

export { safeDestination };
