/**
 * /portal/{hotspotId}: the address an installer types into the gateway. GET shows the login page for the guest
 * the gateway sent (read by the hotspot's vendor adapter), with the ways this hotspot offers; each posts below
 * it — …/login accepts the terms, …/code sends a one-time code and …/verify checks it, …/ticket takes a boat
 * booking reference — and a guest let in is handed to the gateway in the form it expects. POST to the address
 * itself is openNDS authmon polling (level 3). Pages are HTML for captive-portal browsers, never JSON, and every
 * refusal is a page that says what to do.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { clientAddress } from '../../platform/client-address.js';
import type { AppEnv } from '../../platform/http-app.js';
import type { Logger } from '../../platform/logger.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { WifiAnalytics } from '../analytics.js';
import { authmonViewReply, FasError, gatewayHashFor, readAuthmonRequest } from '../gateways/opennds.js';
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
import { destinationFor, landingUrl, offeredPage, PORTAL_BASE_PATH, portalPath } from './destination.js';
import { type GatewayGuest, GatewayRequestError, grantAccess, readGuest } from './gateway-guest.js';
import {
  addressHash,
  CODE_ATTEMPTS,
  codeLimits,
  codeMessage,
  type LoginCodes,
  maskedAddress,
  networkHash,
  readCodeAddress,
} from './login-codes.js';
import {
  deviceHash,
  type LoginContext,
  LoginContextError,
  openLoginContext,
  resealLoginContext,
  sealLoginContext,
} from './login-context.js';
import {
  codePage,
  connectedPage,
  type LoginMethod,
  type LoginPageModel,
  loginPage,
  onlinePage,
  postToGatewayPage,
} from './page.js';
import { type PortalLanguage, pickLanguage, TERMS_VERSION } from './page-text.js';
import type { ConsentRecord, PortalStore } from './portal-store.js';
import { controllerRefusal, PAGE_HEADERS, refusal } from './responses.js';
import {
  readBookingReference,
  type TicketLookup,
  ticketLimits,
  ticketSessionMinutes,
  ticketValidAt,
} from './ticket-login.js';

export { PORTAL_BASE_PATH };

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

type Form = Record<string, string>;

/** A login form's answer, opened: the hotspot, the guest's language, the sealed login and the fields. */
interface Answer {
  hotspot: Hotspot;
  language: PortalLanguage;
  login: LoginContext<GatewayGuest>;
  form: Form;
}

/** openNDS sends its gateway name percent-encoded with lower-case hex, every character but letters and digits. */
const ndsEncoded = (name: string) =>
  name.replace(/[^A-Za-z0-9]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function createPortalRouter({
  hotspots,
  portal,
  key,
  unifiFor,
  codes,
  limiter,
  messages,
  tickets,
  logger,
  analytics,
  publicAddress,
  now = () => new Date(),
}: PortalDependencies) {
  const router = new Hono<AppEnv>();
  const basePath = (hotspot: Hotspot) => portalPath(hotspot.id);
  const pageModel = (
    hotspot: Hotspot,
    language: PortalLanguage,
    context: string,
  ): Omit<LoginPageModel, 'otherLanguageUrl' | 'error' | 'values'> => ({
    language,
    hotspotName: hotspot.name[language],
    accent: hotspot.branding.accent,
    base: basePath(hotspot),
    context,
    methods: hotspot.loginMethods,
    sessionMinutes: hotspot.policy.sessionMinutes,
    ticketMinutes: ticketSessionMinutes(hotspot.policy),
  });

  /** The login page again, after a form's answer, with what was wrong next to its field (422). */
  const askAgain = (
    context: Context<AppEnv>,
    { hotspot, language, form }: Answer,
    error: NonNullable<LoginPageModel['error']>,
    values?: LoginPageModel['values'],
  ) =>
    context.html(
      loginPage({ ...pageModel(hotspot, language, form.context ?? ''), error, values }),
      422,
      PAGE_HEADERS,
    );

  /** The failed-login staircases a guest climbs: their client address's and, with a MAC, their device's. */
  const failedLoginsOf = (context: Context<AppEnv>, mac: string | undefined, at: Date) => [
    ...failedLoginLimits.perNetwork(networkHash(key, clientAddress(context))),
    ...(mac ? failedLoginLimits.perDevice(deviceHash(key, mac, at)) : []),
  ];

  /** Asks the UniFi controller about the guest; a refusal when it does not vouch for them or cannot be asked. */
  async function confirmWithController(
    context: Context<AppEnv>,
    hotspot: Hotspot,
    language: PortalLanguage,
    guest: Extract<GatewayGuest, { vendor: 'unifi' }>,
    failures: Parameters<typeof recordFailedLogin>[1],
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
    const form: Form = Object.fromEntries(
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

  /**
   * Lets the guest in by `method`: the login claimed once, the device's sessions today counted, the consent
   * recorded (for a code, when it was asked), and the grant handed to the gateway as it expects.
   */
  async function letIn(
    context: Context<AppEnv>,
    { hotspot, language, login }: Answer,
    method: LoginMethod,
    policy: SessionPolicy,
  ): Promise<Response> {
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
      const wait =
        (await lockedOutFor(limiter, failures, at)) ||
        (device ? await takeAll(limiter, [unifiAttemptLimit(device)], at) : 0);
      if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
      const confirmed = await confirmWithController(context, hotspot, language, guest, failures);
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
    const destination = destinationFor(
      key,
      publicOrigin(context.req.raw, publicAddress),
      language,
      hotspot,
      guest,
    );
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

  router.get('/:hotspotId', async (context) => {
    const language = pickLanguage(context.req.query('lang'), context.req.header('Accept-Language'));
    const hotspot = await hotspots.get(context.req.param('hotspotId'));
    if (!hotspot) return refusal(context, language, 'unknownHotspot', 404);
    let guest: GatewayGuest;
    try {
      // CoovaChilli signs the portal's public address (behind CloudFront), not the one Lambda is called at.
      const received = new URL(context.req.url);
      const url = `${publicOrigin(context.req.raw, publicAddress)}${received.pathname}${received.search}`;
      guest = readGuest(hotspot, { query: context.req.query(), url }, now());
      // A level-3 gateway is known by its name: a guest sent by another gateway cannot be let in through this one.
      if (
        guest.vendor === 'opennds' &&
        hotspot.gateway.vendor === 'opennds' &&
        hotspot.gateway.gatewayName &&
        guest.gatewayhash !== gatewayHashFor(ndsEncoded(hotspot.gateway.gatewayName))
      ) {
        throw new GatewayRequestError('the guest comes from another gateway');
      }
    } catch (error) {
      if (error instanceof GatewayRequestError)
        return refusal(context, language, 'badGateway', 400, hotspot.branding.accent);
      throw error;
    }
    const other: PortalLanguage = language === 'vi' ? 'en' : 'vi';
    const otherLanguageUrl = new URL(context.req.url);
    otherLanguageUrl.searchParams.set('lang', other);
    return context.html(
      loginPage({
        ...pageModel(hotspot, language, sealLoginContext(key, hotspot.id, guest, now())),
        otherLanguageUrl: `${otherLanguageUrl.pathname}${otherLanguageUrl.search}`,
      }),
      200,
      PAGE_HEADERS,
    );
  });

  // Where a guest lands when the page they asked for came unsigned: offered as a link, never followed by itself.
  router.get('/:hotspotId/online', async (context) => {
    const language = pickLanguage(context.req.query('lang'), context.req.header('Accept-Language'));
    const hotspot = await hotspots.get(context.req.param('hotspotId'));
    if (!hotspot) return refusal(context, language, 'unknownHotspot', 404);
    const wanted = offeredPage(key, hotspot.id, context.req.query('to'), context.req.query('sig'));
    const welcome = landingUrl(publicOrigin(context.req.raw, publicAddress), language, hotspot.id);
    return context.html(onlinePage(language, hotspot.branding.accent, wanted, welcome), 200, PAGE_HEADERS);
  });

  router.post('/:hotspotId/login', async (context) => {
    const answer = await openAnswer(context, 'terms');
    if (answer instanceof Response) return answer;
    if (answer.form.accept !== 'yes')
      return askAgain(context, answer, { method: 'terms', kind: 'must-accept' });
    return letIn(context, answer, 'terms', answer.hotspot.policy);
  });

  router.post('/:hotspotId/code', async (context) => {
    const answer = await openAnswer(context, 'code');
    if (answer instanceof Response) return answer;
    const { hotspot, language, login, form } = answer;
    const accent = hotspot.branding.accent;
    const typed = (form.address ?? '').slice(0, 254);
    const address = await readCodeAddress(typed);
    if (!address)
      return askAgain(context, answer, { method: 'code', kind: 'bad-address' }, { address: typed });
    if (form.accept !== 'yes')
      return askAgain(context, answer, { method: 'code', kind: 'must-accept' }, { address: typed });
    const at = now();
    const device = login.gateway.mac ? deviceHash(key, login.gateway.mac, at) : null;
    const addressKey = addressHash(key, address);
    const limits = [
      codeLimits.perNetwork(networkHash(key, clientAddress(context))),
      ...(device ? [codeLimits.perDevice(device)] : []),
      ...codeLimits.perAddress(addressKey),
    ];
    const wait = await takeAll(limiter, limits, at);
    if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
    const issued = await codes.issue(hotspot.id, login.nonce, address);
    // Consent to the terms and to the address being used is recorded before the address is used.
    await portal.recordConsent(
      {
        ...consentOf(hotspot, 'code', language, device, at),
        personalData: { channel: address.channel, addressHash: addressKey },
      },
      issued.requestId,
    );
    try {
      await messages.send({
        kind: 'wifi-login-code',
        to: address.channel === 'email' ? { email: address.email } : { phone: address.phone },
        ...codeMessage(language, address.channel, issued.code, hotspot.name[language]),
      });
    } catch (error) {
      logger.error('a Wi-Fi login code could not be sent', {
        hotspotId: hotspot.id,
        channel: address.channel,
        reason: error instanceof Error ? error.name : 'unknown',
      });
      return refusal(context, language, 'messageFailed', 503, accent);
    }
    return context.html(
      codePage({
        language,
        hotspotName: hotspot.name[language],
        accent,
        base: basePath(hotspot),
        // The login stays the same one (its nonce), given the time to type the code.
        context: resealLoginContext(key, login, at),
        requestId: issued.requestId,
        sentTo: maskedAddress(address),
        address: typed,
      }),
      200,
      PAGE_HEADERS,
    );
  });

  router.post('/:hotspotId/verify', async (context) => {
    const answer = await openAnswer(context, 'code');
    if (answer instanceof Response) return answer;
    const { hotspot, language, login, form } = answer;
    const accent = hotspot.branding.accent;
    const at = now();
    const failures = failedLoginsOf(context, login.gateway.mac, at);
    const wait = await lockedOutFor(limiter, failures, at);
    if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
    const code = (form.code ?? '').replace(/\s/g, '');
    const requestId = form.request ?? '';
    const checked =
      /^\d{6}$/.test(code) && /^[\w-]{10,40}$/.test(requestId)
        ? await codes.check(hotspot.id, login.nonce, requestId, code)
        : { outcome: 'wrong' as const, attemptsLeft: undefined };
    if (checked.outcome === 'accepted') return letIn(context, answer, 'code', hotspot.policy);
    if (checked.outcome === 'wrong') await recordFailedLogin(limiter, failures);
    const address = await readCodeAddress(form.address ?? '');
    return context.html(
      codePage({
        language,
        hotspotName: hotspot.name[language],
        accent,
        base: basePath(hotspot),
        context: form.context ?? '',
        requestId,
        sentTo: address ? maskedAddress(address) : '',
        address: form.address ?? '',
        error:
          checked.outcome === 'spent' || checked.attemptsLeft === 0
            ? { kind: 'spent' }
            : { kind: 'wrong', attemptsLeft: checked.attemptsLeft ?? CODE_ATTEMPTS },
      }),
      422,
      PAGE_HEADERS,
    );
  });

  router.post('/:hotspotId/ticket', async (context) => {
    const answer = await openAnswer(context, 'booking');
    if (answer instanceof Response) return answer;
    const { hotspot, language, login, form } = answer;
    const accent = hotspot.branding.accent;
    const typed = (form.reference ?? '').slice(0, 20);
    const reference = readBookingReference(typed);
    if (!reference)
      return askAgain(context, answer, { method: 'booking', kind: 'bad-reference' }, { reference: typed });
    if (form.accept !== 'yes')
      return askAgain(context, answer, { method: 'booking', kind: 'must-accept' }, { reference: typed });
    const at = now();
    const device = login.gateway.mac ? deviceHash(key, login.gateway.mac, at) : null;
    const failures = failedLoginsOf(context, login.gateway.mac, at);
    const wait =
      (await lockedOutFor(limiter, failures, at)) ||
      (device ? await takeAll(limiter, [ticketLimits.perDevice(device)], at) : 0);
    if (wait > 0) return refusal(context, language, 'tooMany', 429, accent, wait);
    const ticket = await tickets(reference);
    if (!ticket || !ticketValidAt(ticket, at)) {
      await recordFailedLogin(limiter, failures);
      return askAgain(context, answer, { method: 'booking', kind: 'no-ticket' }, { reference: typed });
    }
    if (!(await limiter.take(ticketLimits.perBooking(reference, ticket, hotspot.policy, at))))
      return askAgain(context, answer, { method: 'booking', kind: 'ticket-used-up' }, { reference: typed });
    return letIn(context, answer, 'booking', {
      ...hotspot.policy,
      sessionMinutes: ticketSessionMinutes(hotspot.policy),
    });
  });

  // openNDS authmon (level 3) polls the portal's own address.
  router.post('/:hotspotId', async (context) => {
    const hotspot = await hotspots.get(context.req.param('hotspotId'));
    if (hotspot?.gateway.vendor !== 'opennds' || hotspot.gateway.securityLevel !== 3) {
      return context.text('not an authmon portal', 404);
    }
    const form = await context.req.parseBody();
    const fields = Object.fromEntries(
      Object.entries(form).filter(([, value]) => typeof value === 'string'),
    ) as Record<string, string>;
    let request: ReturnType<typeof readAuthmonRequest>;
    try {
      request = readAuthmonRequest(fields);
    } catch (error) {
      if (error instanceof FasError) return context.text('bad request', 400);
      throw error;
    }
    const { gatewayName } = hotspot.gateway;
    if (gatewayName && request.gatewayhash !== gatewayHashFor(ndsEncoded(gatewayName))) {
      return context.text('unknown gateway', 403);
    }
    const at = now();
    switch (request.kind) {
      case 'clear': {
        const stale = await portal.waitingGrants(hotspot.id, request.gatewayhash, at);
        await portal.removeGrants(
          hotspot.id,
          request.gatewayhash,
          stale.map((grant) => grant.rhid),
        );
        return context.text('');
      }
      case 'view':
        return context.text(
          authmonViewReply(await portal.waitingGrants(hotspot.id, request.gatewayhash, at)),
        );
      case 'acknowledge':
        await portal.removeGrants(hotspot.id, request.gatewayhash, request.rhids);
        return context.text('ack');
      case 'deauthed': {
        // Counted only for a session this portal started (the token hashes to its hid), and only once.
        const { session } = request;
        const hid = createHash('sha256').update(session.token).digest('hex');
        await analytics.endSession(hotspot.id, `nds-${hid}`, {
          dwellSeconds: Math.max(0, session.sessionEnd - session.sessionStart),
          bytesIn: session.bytesIncoming,
          bytesOut: session.bytesOutgoing,
          endedAt: at,
        });
        return context.text('ack');
      }
    }
  });

  return router;
}

function consentOf(
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
