/**
 * UniFi external portal: the controller sends the guest with `id` (their MAC), `ap`, `t` (unix seconds), `url`
 * and `ssid`; the browser is not sent back to the gateway — the portal authorises the guest on the controller
 * (classic API `POST /api/s/<site>/cmd/stamgr` `authorize-guest` after `/api/login`; UniFi OS logs in at
 * `/api/auth/login`, prefixes the network application's paths with `/proxy/network` and wants the CSRF token
 * back). The `id` is not signed, so only a MAC from a fresh redirect is authorised.
 */
export class UnifiError extends Error {
  constructor(
    readonly reason: 'redirect' | 'login' | 'authorize',
    message: string,
  ) {
    super(message);
    this.name = 'UnifiError';
  }
}

export interface UnifiRedirect {
  clientMac: string;
  apMac?: string;
  issuedAt: number;
  url?: string;
  ssid?: string;
}

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;
/** How old a redirect may be (seconds) before its MAC is no longer trusted. */
export const UNIFI_REDIRECT_MAX_AGE = 600;

export function readUnifiRedirect(
  query: Record<string, string | undefined>,
  nowSeconds: number,
): UnifiRedirect {
  const clientMac = (query.id ?? '').toLowerCase();
  if (!MAC.test(clientMac)) throw new UnifiError('redirect', 'id is not a MAC address');
  const issuedAt = Number(query.t);
  if (!Number.isInteger(issuedAt) || Math.abs(nowSeconds - issuedAt) > UNIFI_REDIRECT_MAX_AGE) {
    throw new UnifiError('redirect', 'the redirect is not fresh');
  }
  const apMac = query.ap?.toLowerCase();
  return {
    clientMac,
    apMac: apMac && MAC.test(apMac) ? apMac : undefined,
    issuedAt,
    url: query.url,
    ssid: query.ssid,
  };
}

export interface UnifiControllerSettings {
  /** The controller's base URL, such as https://unifi.halong.example:8443 */
  url: string;
  site: string;
  username: string;
  password: string;
  /** UniFi OS consoles (UDM, Cloud Key Gen2+) rather than the classic controller. */
  unifiOs: boolean;
}

export interface GuestAuthorisation {
  mac: string;
  minutes: number;
  upKbps?: number;
  downKbps?: number;
  quotaMB?: number;
  apMac?: string;
}

export interface UnifiController {
  authorizeGuest(guest: GuestAuthorisation): Promise<void>;
}

/** Cookies from a login answer, as a Cookie header. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The controller over HTTP; `fetchFn` is swapped for a test server's in tests. */
export function createUnifiController(
  settings: UnifiControllerSettings,
  fetchFn: typeof fetch = fetch,
): UnifiController {
  const base = settings.url.replace(/\/+$/, '');
  const networkBase = settings.unifiOs ? `${base}/proxy/network` : base;
  return {
    async authorizeGuest(guest) {
      const login = await fetchFn(`${base}${settings.unifiOs ? '/api/auth/login' : '/api/login'}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: settings.username, password: settings.password }),
      });
      if (!login.ok) throw new UnifiError('login', `the controller refused the login (${login.status})`);
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Cookie: cookiesOf(login),
      };
      const csrf = login.headers.get('x-csrf-token');
      if (csrf) headers['X-CSRF-Token'] = csrf;
      const body: Record<string, string | number> = {
        cmd: 'authorize-guest',
        mac: guest.mac.toLowerCase(),
        minutes: guest.minutes,
      };
      if (guest.upKbps) body.up = guest.upKbps;
      if (guest.downKbps) body.down = guest.downKbps;
      if (guest.quotaMB) body.bytes = guest.quotaMB;
      if (guest.apMac) body.ap_mac = guest.apMac.toLowerCase();
      const answer = await fetchFn(`${networkBase}/api/s/${encodeURIComponent(settings.site)}/cmd/stamgr`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const result = (await answer.json().catch(() => null)) as {
        meta?: { rc?: string; msg?: string };
      } | null;
      if (!answer.ok || result?.meta?.rc !== 'ok') {
        throw new UnifiError('authorize', `the controller did not authorise the guest (${answer.status})`);
      }
    },
  };
}
