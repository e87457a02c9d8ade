/**
 * UniFi external portal: the controller sends the guest with `id` (their MAC), `ap`, `t` (unix seconds), `url`
 * and `ssid`; the browser is not sent back to the gateway — the portal authorises the guest on the controller
 * (classic API `POST /api/s/<site>/cmd/stamgr` `authorize-guest` after `/api/login`; UniFi OS logs in at
 * `/api/auth/login`, prefixes the network application's paths with `/proxy/network` and wants the CSRF token
 * back). Nothing in the redirect is signed, so before authorising, the controller itself must say the MAC is a
 * guest associated with that access point right now and not authorised yet (`GET /api/s/<site>/stat/sta/<mac>`).
 * Every call has a deadline: a controller that hangs or refuses is answered for within a few seconds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';

/** Why the controller's word about a station does not allow authorising it. */
export type StationRefusal = 'not-connected' | 'not-guest' | 'other-ap' | 'already-authorised';

export class UnifiError extends Error {
  constructor(
    /**
     * redirect: the guest's parameters are unusable; unreachable: no answer in time (or no connection);
     * login, answer, authorize: the controller answered, but not as it should; station: see `refusal`.
     */
    readonly reason: 'redirect' | 'unreachable' | 'login' | 'answer' | 'authorize' | 'station',
    message: string,
    readonly refusal?: StationRefusal,
  ) {
    super(message);
    this.name = 'UnifiError';
  }
}

export interface UnifiRedirect {
  clientMac: string;
  apMac: string;
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
  // The access point is what the controller's station must match: a redirect without it cannot be checked.
  const apMac = (query.ap ?? '').toLowerCase();
  if (!MAC.test(apMac)) throw new UnifiError('redirect', 'ap is not a MAC address');
  return {
    clientMac,
    apMac,
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

/** The guest as the redirect named them: their MAC and the access point they must be associated with. */
export interface UnifiGuest {
  mac: string;
  apMac: string;
}

/** What the guest is let in for (rates in kbps, the quota in MB; absent or 0 means no limit). */
export interface GuestAllowance {
  minutes: number;
  upKbps?: number;
  downKbps?: number;
  quotaMB?: number;
}

/** A guest the controller vouched for, on the session that asked: authorising them is the one step left. */
export interface ConfirmedGuest {
  authorize(allowance: GuestAllowance): Promise<void>;
}

export interface UnifiController {
  /**
   * Logs in and asks the controller about the station: a guest associated with the redirect's access point and
   * not authorised yet is confirmed; otherwise a UnifiError says why not. Authorising is left to the caller, so it
   * can spend the login and count the session in between, only for a guest the controller vouched for.
   */
  confirmGuest(guest: UnifiGuest): Promise<ConfirmedGuest>;
}

/** How long the portal waits for a controller (the reasons are in docs/decisions.md). */
export interface ControllerTimeouts {
  /** One HTTP request, connecting included. */
  requestMs: number;
  /** The whole conversation for one guest: login, station lookup (with its retry) and authorisation. */
  totalMs: number;
  /** Tries of the station lookup, the one idempotent read. */
  readAttempts: number;
}

export const CONTROLLER_TIMEOUTS: ControllerTimeouts = { requestMs: 2_000, totalMs: 4_000, readAttempts: 2 };

/** What the controller says of a station; anything else it sends is ignored. */
const Station = z.object({
  mac: z.string(),
  ap_mac: z.string().optional(),
  is_guest: z.boolean().optional(),
  authorized: z.boolean().optional(),
});
const ControllerAnswer = z.object({
  meta: z.object({ rc: z.string(), msg: z.string().optional() }),
  data: z.array(z.unknown()).optional(),
});
type ControllerAnswer = z.infer<typeof ControllerAnswer>;

/** Cookies from a login answer, as a Cookie header. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** The controller over HTTP; `fetchFn` and `timeouts` are swapped in tests. */
export function createUnifiController(
  settings: UnifiControllerSettings,
  {
    fetchFn = fetch,
    timeouts = CONTROLLER_TIMEOUTS,
  }: { fetchFn?: typeof fetch; timeouts?: ControllerTimeouts } = {},
): UnifiController {
  const base = settings.url.replace(/\/+$/, '');
  const networkBase = settings.unifiOs ? `${base}/proxy/network` : base;
  const sitePath = `${networkBase}/api/s/${encodeURIComponent(settings.site)}`;

  /** One request and its JSON body, within both its own timeout and the conversation's deadline. */
  async function call(
    url: string,
    init: RequestInit,
    deadline: AbortSignal,
  ): Promise<{ response: Response; answer: ControllerAnswer | null }> {
    const signal = AbortSignal.any([deadline, AbortSignal.timeout(timeouts.requestMs)]);
    try {
      const response = await fetchFn(url, { ...init, signal, redirect: 'manual' });
      const parsed = ControllerAnswer.safeParse(await response.json().catch(rethrowAbort));
      return { response, answer: parsed.success ? parsed.data : null };
    } catch (error) {
      // A refused connection, a DNS failure, a reset, or no answer in time: the controller is out of reach.
      throw new UnifiError(
        'unreachable',
        isAbort(error) ? 'the controller did not answer in time' : 'the controller could not be reached',
      );
    }
  }

  /** The station lookup, tried again after a moment when the controller was out of reach or failed (5xx). */
  async function station(mac: string, headers: Record<string, string>, deadline: AbortSignal) {
    for (let attempt = 1; ; attempt += 1) {
      let outcome: Awaited<ReturnType<typeof call>> | UnifiError;
      try {
        outcome = await call(`${sitePath}/stat/sta/${mac}`, { headers }, deadline);
      } catch (error) {
        if (!(error instanceof UnifiError)) throw error;
        outcome = error;
      }
      if (!(outcome instanceof UnifiError) && outcome.response.status < 500) return outcome;
      if (attempt >= timeouts.readAttempts || deadline.aborted) {
        if (outcome instanceof UnifiError) throw outcome;
        throw new UnifiError(
          'answer',
          `the controller failed to look up the station (${outcome.response.status})`,
        );
      }
      await sleep(100 * attempt, undefined, { signal: deadline }).catch(() => undefined);
    }
  }

  return {
    async confirmGuest(guest) {
      const deadline = AbortSignal.timeout(timeouts.totalMs);
      const mac = guest.mac.toLowerCase();
      const login = await call(
        `${base}${settings.unifiOs ? '/api/auth/login' : '/api/login'}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: settings.username, password: settings.password }),
        },
        deadline,
      );
      if (!login.response.ok)
        throw new UnifiError('login', `the controller refused the login (${login.response.status})`);
      const headers: Record<string, string> = { Cookie: cookiesOf(login.response) };
      const csrf = login.response.headers.get('x-csrf-token');
      if (csrf) headers['X-CSRF-Token'] = csrf;

      const lookup = await station(mac, headers, deadline);
      // The classic controller answers an unknown MAC with 400 api.err.UnknownStation; others with no data.
      const unknown = lookup.answer?.meta.msg === 'api.err.UnknownStation';
      if (!unknown && (!lookup.response.ok || lookup.answer?.meta.rc !== 'ok'))
        throw new UnifiError('answer', `the controller did not list the station (${lookup.response.status})`);
      const found = (unknown ? [] : (lookup.answer?.data ?? []))
        .map((item) => Station.safeParse(item))
        .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
        .find((item) => item.mac.toLowerCase() === mac);
      const refused = (refusal: StationRefusal) =>
        new UnifiError('station', `the controller does not vouch for this guest (${refusal})`, refusal);
      if (!found) throw refused('not-connected');
      if (found.is_guest !== true) throw refused('not-guest');
      if (found.ap_mac?.toLowerCase() !== guest.apMac.toLowerCase()) throw refused('other-ap');
      if (found.authorized === true) throw refused('already-authorised');

      return {
        async authorize(allowance) {
          const body: Record<string, string | number> = {
            cmd: 'authorize-guest',
            mac,
            minutes: allowance.minutes,
          };
          if (allowance.upKbps) body.up = allowance.upKbps;
          if (allowance.downKbps) body.down = allowance.downKbps;
          if (allowance.quotaMB) body.bytes = allowance.quotaMB;
          body.ap_mac = guest.apMac.toLowerCase();
          const authorised = await call(
            `${sitePath}/cmd/stamgr`,
            {
              method: 'POST',
              headers: { ...headers, 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            },
            deadline,
          );
          if (!authorised.response.ok || authorised.answer?.meta.rc !== 'ok') {
            throw new UnifiError(
              'authorize',
              `the controller did not authorise the guest (${authorised.response.status})`,
            );
          }
        },
      };
    },
  };
}

/** A body that is not JSON is no answer (null); a body cut off by the deadline is no answer in time. */
function rethrowAbort(error: unknown): null {
  if (isAbort(error)) throw error;
  return null;
}
