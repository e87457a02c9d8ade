/**
 * The steps every login at the portal takes, whatever the guest proves: the form's sealed login opened, the
 * attempt limits checked, the proof checked by the way in (login-ways.ts), the UniFi controller asked to vouch
 * for the guest, the login claimed once, the device's sessions today counted, the consent and the session
 * recorded, and the grant handed to the gateway in the form it expects.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { clientAddress } from '../../platform/client-address.js';
import type { AppEnv } from '../../platform/http-app.js';
import type { Logger } from '../../platform/logger.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import type { Limit, RateLimiter } from '../../platform/rate-limit.js';
import type { WifiAnalytics } from '../analytics.js';
import { type ConfirmedGuest, type UnifiController, UnifiError } from '../gateways/unifi.js';
import type { Hotspot, SessionPolicy } from '../model.js';
import type { HotspotStore } from '../store.js';
import {
  failedLoginLimits,
  lockedOutFor,
  recordFailedLogin,
  takeAll,
  unifiAttemptLimit,
} from './attempt-limits.js';
import { destinationFor } from './destination.js';
import { type GatewayGuest, GatewayRequestError, grantAccess } from './gateway-guest.js';
import { type LoginCodes, networkHash } from './login-codes.js';
import { deviceHash, type LoginContext, LoginContextError, openLoginContext } from './login-context.js';
import {
  connectedPage,
  type LoginMethod,
  type LoginPageModel,
  loginPageFor,
  postToGatewayPage,
} from './page.js';
import { type PortalLanguage, pickLanguage, TERMS_VERSION } from './page-text.js';
import type { ConsentRecord, PortalStore } from './portal-store.js';
import { controllerRefusal, PAGE_HEADERS, refusal } from './responses.js';
import type { TicketLookup } from './ticket-login.js';

export interface PortalDependencies {
  hotspots: HotspotStore;
  portal: PortalStore;
  /** The portal's secret: seals login pages and keys the daily device hash. */
  key: Uint8Array;
  unifiFor: (hotspot: Hotspot) => UnifiController | null;
  codes: LoginCodes;
  limiter: RateLimiter;
  /** Sends one-time codes by e-mail and SMS. */
  messages: MessagesPort;
  /** What the boats domain says of a booking reference. */
  tickets: TicketLookup;
  logger: Logger;
  analytics: WifiAnalytics;
  /** Where the site's public address comes from (the landing page; the address CoovaChilli signs). */
  publicAddress: PublicAddress;
  now?: () => Date;
}

/** A login form's answer, opened: the hotspot, the guest's language, the sealed login and the fields. */
export interface Answer {
  hotspot: Hotspot;
  language: PortalLanguage;
  login: LoginContext<GatewayGuest>;
  form: Record<string, string>;
}

/** A way in's verdict on the proof: let the guest in under `policy`, or answer `retry` (`failed`: a wrong guess). */
export type Verdict = { policy: SessionPolicy } | { retry: Response | Promise<Response>; failed: boolean };

/**
 * One way of logging in (terms, code, ticket): what it reads from its form, the limits it adds, how it checks
 * the proof. The flow does the rest, in the same order for each.
 */
export interface LoginWay<Proof> {
  method: LoginMethod;
  /** The proof in the form; a Response (the form asked again) when there is none to check. */
  read: (context: Context<AppEnv>, answer: Answer) => Promise<Proof | Response>;
  /** Whether a proof can be guessed: a locked-out guest is refused before it is checked, and a wrong one counts. */
  guessable: boolean;
  /** Attempts taken from the device, once it is not locked out, before the proof is checked. */
  deviceLimits?: (device: string) => Limit[];
  check: (context: Context<AppEnv>, answer: Answer, proof: Proof, at: Date) => Promise<Verdict>;
}

export function consentOf(
  hotspot: Hotspot,
  method: LoginMethod,
  language: PortalLanguage,
  device: string | null,
  at: Date,
): ConsentRecord {
  return {
    hotspotId: hotspot.id,
    method,
    termsVersion: TERMS_VERSION,
    language,
    deviceHash: device ?? 'unknown',
    at: at.toISOString(),
  };
}

export type LoginFlow = ReturnType<typeof createLoginFlow>;

export function createLoginFlow({
  hotspots,
  portal,
  key,
  unifiFor,
  limiter,
  logger,
  analytics,
  publicAddress,
  now = () => new Date(),
}: PortalDependencies) {
  /** The failed-login staircases a guest climbs: their client address's and, with a MAC, their device's. */
  const failedLoginsOf = (context: Context<AppEnv>, mac: string | undefined, at: Date) => [
    ...failedLoginLimits.perNetwork(networkHash(key, clientAddress(context))),
    ...(mac ? failedLoginLimits.perDevice(deviceHash(key, mac, at)) : []),
  ];

  /** Seconds to wait while `failures` lock the guest out, or until `deviceLimits` have room; 0 to go on. */
  const waitFor = async (failures: Limit[] | null, deviceLimits: Limit[], at: Date) =>
    (failures ? await lockedOutFor(limiter, failures, at) : 0) ||
    (deviceLimits.length > 0 ? await takeAll(limiter, deviceLimits, at) : 0);

  /** Asks the UniFi controller about the guest; a refusal when it does not vouch for them or cannot be asked. */
  async function confirmWithController(
    context: Context<AppEnv>,
    { hotspot, language }: Answer,
    guest: Extract<GatewayGuest, { vendor: 'unifi' }>,
    failures: Limit[],
  ): Promise<ConfirmedGuest | Response> {
    const accent = hotspot.branding.accent;
    const controller = unifiFor(hotspot);
    // A login page sealed before the access point was required names none: nothing to check the station by.
    if (!controller || !guest.apMac) return refusal(context, language, 'badGateway', 400, accent);
    try {
      return await controller.confirmGuest({ mac: guest.mac, apMac: guest.apMac });
    } catch (error) {
      if (!(error instanceof UnifiError)) throw error;
      if (error.reason === 'station') {
        await recordFailedLogin(limiter, failures);
        return error.refusal === 'already-authorised'
          ? refusal(context, language, 'alreadyOnline', 409, accent)
          : refusal(context, language, 'notHere', 403, accent);
      }
      logger.warn('a UniFi controller could not confirm a guest', {
        hotspotId: hotspot.id,
        reason: error.reason,
        detail: error.message,
      });
      return controllerRefusal(context, language, error, accent);
    }
  }

  /**
   * Reads the answer to a `method` form and opens its sealed login; a Response when there is nothing to go on.
   * A form for a way in the hotspot does not offer is answered as a forged one.
   */
  async function openAnswer(context: Context<AppEnv>, method: LoginMethod): Promise<Answer | Response> {
    const body = await context.req.parseBody();
    const form = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    const language = pickLanguage(form.lang, context.req.header('Accept-Language'));
    const hotspot = await hotspots.get(context.req.param('hotspotId') ?? '');
    if (!hotspot) return refusal(context, language, 'unknownHotspot', 404);
    if (!hotspot.loginMethods.includes(method))
      return refusal(context, language, 'badGateway', 400, hotspot.branding.accent);
    try {
      const login = openLoginContext<GatewayGuest>(key, form.context ?? '', hotspot.id, now());
      return { hotspot, language, login, form };
    } catch (error) {
      const accent = hotspot.branding.accent;
      if (error instanceof LoginContextError && error.reason === 'expired')
        return refusal(context, language, 'expired', 410, accent);
      if (error instanceof LoginContextError || error instanceof SyntaxError)
        return refusal(context, language, 'badGateway', 400, accent);
      throw error;
    }
  }

  /** The login page again, after a form's answer, with what was wrong next to its field (422). */
  const askAgain = (
    context: Context<AppEnv>,
    { hotspot, language, form }: Answer,
    error: NonNullable<LoginPageModel['error']>,
    values?: LoginPageModel['values'],
  ) =>
    context.html(loginPageFor(hotspot, language, form.context ?? '', { error, values }), 422, PAGE_HEADERS);

  /**
   * Lets the guest in by `method`: the login claimed once, the device's sessions today counted, the consent
   * recorded (for a code, it was when the code was asked for), and the grant handed to the gateway as it expects.
   */
  async function letIn(
    context: Context<AppEnv>,
    answer: Answer,
    method: LoginMethod,
    policy: SessionPolicy,
  ): Promise<Response> {
    const { hotspot, language, login } = answer;
    const accent = hotspot.branding.accent;
    const at = now();
    const guest = login.gateway;
    // A device is known only by today's keyed hash of its MAC; without a MAC (rare) there is nothing to count.
    const device = guest.mac ? deviceHash(key, guest.mac, at) : null;
    // UniFi's redirect is unsigned: the controller vouches for the guest before the login is spent or counted,
    // and is asked about a device, and after refusals from an address, only so often.
    let unifiGuest: ConfirmedGuest | null = null;
    if (guest.vendor === 'unifi') {
      const failures = failedLoginsOf(context, guest.mac, at);
      const wait = await waitFor(failures, device ? [unifiAttemptLimit(device)] : [], at);
      if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
      const confirmed = await confirmWithController(context, answer, guest, failures);
      if (confirmed instanceof Response) return confirmed;
      unifiGuest = confirmed;
    }
    if (!(await portal.claimLogin(login.nonce, login.expiresAt)))
      return refusal(context, language, 'used', 409, accent);
    const sessionsToday = device
      ? await portal.countDeviceSession(hotspot.id, device, policy.sessionsPerDevicePerDay, at)
      : 1;
    if (sessionsToday === null) return refusal(context, language, 'quota', 429, accent);
    if (method !== 'code') {
      await portal.recordConsent(consentOf(hotspot, method, language, device, at), login.nonce);
    }
    const origin = publicOrigin(context.req.raw, publicAddress);
    const destination = destinationFor(key, origin, language, hotspot, guest);
    let outcome: Awaited<ReturnType<typeof grantAccess>>;
    try {
      outcome = await grantAccess(hotspot, guest, policy, destination, unifiGuest);
    } catch (error) {
      if (error instanceof GatewayRequestError) return refusal(context, language, 'badGateway', 502, accent);
      if (error instanceof UnifiError) {
        logger.warn('a UniFi controller did not authorise a confirmed guest', {
          hotspotId: hotspot.id,
          reason: error.reason,
        });
        return controllerRefusal(context, language, error, accent);
      }
      throw error;
    }
    await analytics.startSession({
      hotspotId: hotspot.id,
      method,
      // openNDS reports a session's end by the client's token, whose hash is the hid it sent us.
      sessionKey: guest.vendor === 'opennds' ? `nds-${guest.hid}` : randomUUID(),
      newDeviceHere: device !== null && sessionsToday === 1,
      newDeviceInCity: device !== null && (await portal.firstInCityToday(device, at)),
      at,
    });
    switch (outcome.kind) {
      case 'redirect':
        return context.redirect(outcome.url, 303);
      case 'post':
        return context.html(
          postToGatewayPage(language, accent, outcome.action, outcome.fields),
          200,
          PAGE_HEADERS,
        );
      case 'authmon':
        await portal.addAuthmonGrant(hotspot.id, outcome.gatewayhash, outcome.grant, at);
        return context.html(connectedPage(language, accent, outcome.continueTo), 200, PAGE_HEADERS);
      case 'granted':
        return context.redirect(outcome.continueTo, 303);
    }
  }

  /**
   * Answers a login form by `way`: its proof read, the guest's attempt limits checked, the proof checked, and a
   * guest who proved it let in. A wrong guess counts on the failed-login staircases.
   */
  async function logIn<Proof>(context: Context<AppEnv>, way: LoginWay<Proof>): Promise<Response> {
    const answer = await openAnswer(context, way.method);
    if (answer instanceof Response) return answer;
    const proof = await way.read(context, answer);
    if (proof instanceof Response) return proof;
    const { hotspot, language, login } = answer;
    const at = now();
    const failures = way.guessable ? failedLoginsOf(context, login.gateway.mac, at) : null;
    const device = login.gateway.mac ? deviceHash(key, login.gateway.mac, at) : null;
    const wait = await waitFor(failures, device && way.deviceLimits ? way.deviceLimits(device) : [], at);
    if (wait > 0) return refusal(context, language, 'tooMany', 429, hotspot.branding.accent, wait);
    const verdict = await way.check(context, answer, proof, at);
    if ('policy' in verdict) return letIn(context, answer, way.method, verdict.policy);
    if (verdict.failed && failures) await recordFailedLogin(limiter, failures);
    return verdict.retry;
  }

  return { openAnswer, askAgain, logIn };
}
