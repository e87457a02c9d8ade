/**
 * Cisco Meraki click-through splash pages: the access point sends the guest with `base_grant_url` and the page
 * they wanted; access is granted by sending the browser to the grant URL. Only Meraki's own
 * `https://*.network-auth.com/` is ever a grant URL — anything else would make us an open redirector.
 */
export interface MerakiRedirect {
  baseGrantUrl: string;
  userContinueUrl?: string;
  nodeMac?: string;
  clientMac?: string;
  clientIp?: string;
}

export class MerakiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MerakiError';
  }
}

function grantBase(candidate: string): URL {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new MerakiError('base_grant_url is not a URL');
  }
  if (
    url.protocol !== 'https:' ||
    !url.hostname.endsWith('.network-auth.com') ||
    url.port !== '' ||
    url.username ||
    url.password
  ) {
    throw new MerakiError('base_grant_url is not on https://*.network-auth.com/');
  }
  return url;
}

export function readMerakiRedirect(query: Record<string, string | undefined>): MerakiRedirect {
  const baseGrantUrl = query.base_grant_url;
  if (!baseGrantUrl) throw new MerakiError('the access point sent no base_grant_url');
  grantBase(baseGrantUrl);
  return {
    baseGrantUrl,
    userContinueUrl: query.user_continue_url,
    nodeMac: query.node_mac?.toLowerCase(),
    clientMac: query.client_mac?.toLowerCase(),
    clientIp: query.client_ip,
  };
}

/** The address that lets the guest in for `durationSeconds`, then continues to `continueUrl`. */
export function merakiGrantUrl(baseGrantUrl: string, continueUrl: string, durationSeconds: number): string {
  const url = grantBase(baseGrantUrl);
  url.searchParams.set('continue_url', continueUrl);
  url.searchParams.set('duration', String(Math.max(60, Math.round(durationSeconds))));
  return url.href;
}
