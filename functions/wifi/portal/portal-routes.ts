/**
 * /portal/{hotspotId}: the address an installer types into the gateway. GET shows the login page for the guest
 * the gateway sent (read by the hotspot's vendor adapter); POST …/login lets them in once they accept the terms,
 * in the form their gateway expects; POST to the address itself is openNDS authmon polling (level 3). Pages are
 * HTML for captive-portal browsers, never JSON, and every refusal is a page that says what to do.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http-app.js';
import { publicOrigin } from '../../platform/public-origin.js';
import { authmonViewReply, FasError, gatewayHashFor, readAuthmonRequest } from '../gateways/opennds.js';
import type { UnifiController } from '../gateways/unifi.js';
import type { Hotspot } from '../model.js';
import type { HotspotStore } from '../store.js';
import {
  type GatewayGuest,
  GatewayRequestError,
  grantAccess,
  readGuest,
  safeDestination,
} from './gateway-guest.js';
import { deviceHash, LoginContextError, openLoginContext, sealLoginContext } from './login-context.js';
import {
  connectedPage,
  loginPage,
  type PortalLanguage,
  pickLanguage,
  postToGatewayPage,
  type Refusal,
  refusedPage,
  TERMS_VERSION,
} from './page.js';
import type { PortalStore } from './portal-store.js';

export const PORTAL_BASE_PATH = '/portal';

export interface PortalDependencies {
  hotspots: HotspotStore;
  portal: PortalStore;
  /** The portal's secret: seals login pages and keys the daily device hash. */
  key: Uint8Array;
  unifiFor: (hotspot: Hotspot) => UnifiController | null;
  now?: () => Date;
}

/** openNDS sends its gateway name percent-encoded with lower-case hex, every character but letters and digits. */
const ndsEncoded = (name: string) =>
  name.replace(/[^A-Za-z0-9]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`);

/**
 * Guests' pages are never cached or framed (their addresses carry gateway data); they run no script, and their
 * forms and redirects may go to the gateway's own address, on the hotspot's network (often plain http).
 */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
};

export function createPortalRouter({
  hotspots,
  portal,
  key,
  unifiFor,
  now = () => new Date(),
}: PortalDependencies) {
  const router = new Hono<AppEnv>();
  const landing = (origin: string, language: PortalLanguage) => `${origin}/${language}/`;

  router.get('/:hotspotId', async (context) => {
    const language = pickLanguage(context.req.query('lang'), context.req.header('Accept-Language'));
    const refuse = (reason: Refusal, status: 400 | 404, accent?: string) =>
      context.html(refusedPage(language, reason, accent), status, PAGE_HEADERS);
    const hotspot = await hotspots.get(context.req.param('hotspotId'));
    if (!hotspot) return refuse('unknownHotspot', 404);
    let guest: GatewayGuest;
    try {
      // CoovaChilli signs the portal's public address (behind CloudFront), not the one Lambda is called at.
      const received = new URL(context.req.url);
      const url = `${publicOrigin(context.req.raw, undefined)}${received.pathname}${received.search}`;
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
      if (error instanceof GatewayRequestError) return refuse('badGateway', 400, hotspot.branding.accent);
      throw error;
    }
    const other: PortalLanguage = language === 'vi' ? 'en' : 'vi';
    const otherLanguageUrl = new URL(context.req.url);
    otherLanguageUrl.searchParams.set('lang', other);
    return context.html(
      loginPage({
        language,
        hotspotName: hotspot.name[language],
        accent: hotspot.branding.accent,
        action: `${PORTAL_BASE_PATH}/${hotspot.id}/login`,
        context: sealLoginContext(key, hotspot.id, guest, now()),
        sessionMinutes: hotspot.policy.sessionMinutes,
        otherLanguageUrl: `${otherLanguageUrl.pathname}${otherLanguageUrl.search}`,
      }),
      200,
      PAGE_HEADERS,
    );
  });

  router.post('/:hotspotId/login', async (context) => {
    const form = await context.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const language = pickLanguage(field('lang'), context.req.header('Accept-Language'));
    const hotspot = await hotspots.get(context.req.param('hotspotId'));
    if (!hotspot) return context.html(refusedPage(language, 'unknownHotspot'), 404, PAGE_HEADERS);
    const refuse = (reason: Refusal, status: 400 | 409 | 410 | 429 | 502) =>
      context.html(refusedPage(language, reason, hotspot.branding.accent), status, PAGE_HEADERS);
    let login: ReturnType<typeof openLoginContext<GatewayGuest>>;
    try {
      login = openLoginContext<GatewayGuest>(key, field('context'), hotspot.id, now());
    } catch (error) {
      if (error instanceof LoginContextError)
        return refuse(
          error.reason === 'expired' ? 'expired' : 'badGateway',
          error.reason === 'expired' ? 410 : 400,
        );
      if (error instanceof SyntaxError) return refuse('badGateway', 400);
      throw error;
    }
    if (field('accept') !== 'yes') {
      // The same page again, with the reason next to the box; the sealed context is still good.
      return context.html(
        loginPage({
          language,
          hotspotName: hotspot.name[language],
          accent: hotspot.branding.accent,
          action: `${PORTAL_BASE_PATH}/${hotspot.id}/login`,
          context: field('context'),
          sessionMinutes: hotspot.policy.sessionMinutes,
          error: 'must-accept',
        }),
        422,
        PAGE_HEADERS,
      );
    }
    if (!(await portal.claimLogin(login.nonce, login.expiresAt))) return refuse('used', 409);
    const at = now();
    const guest = login.gateway;
    // A device is known only by today's keyed hash of its MAC; without a MAC (rare) there is nothing to count.
    const device = guest.mac ? deviceHash(key, guest.mac, at) : null;
    if (
      device &&
      !(await portal.countDeviceSession(hotspot.id, device, hotspot.policy.sessionsPerDevicePerDay, at))
    ) {
      return refuse('quota', 429);
    }
    await portal.recordConsent(
      {
        hotspotId: hotspot.id,
        method: 'terms',
        termsVersion: TERMS_VERSION,
        language,
        deviceHash: device ?? 'unknown',
        at: at.toISOString(),
      },
      login.nonce,
    );
    const origin = publicOrigin(context.req.raw, undefined);
    const destination = safeDestination(guest.wanted, landing(origin, language));
    let outcome: Awaited<ReturnType<typeof grantAccess>>;
    try {
      outcome = await grantAccess(hotspot, guest, hotspot.policy, destination, unifiFor);
    } catch (error) {
      if (error instanceof GatewayRequestError) return refuse('badGateway', 502);
      throw error;
    }
    switch (outcome.kind) {
      case 'redirect':
        return context.redirect(outcome.url, 303);
      case 'post':
        return context.html(
          postToGatewayPage(language, hotspot.branding.accent, outcome.action, outcome.fields),
          200,
          PAGE_HEADERS,
        );
      case 'authmon':
        await portal.addAuthmonGrant(hotspot.id, outcome.gatewayhash, outcome.grant, at);
        return context.html(
          connectedPage(language, hotspot.branding.accent, outcome.continueTo),
          200,
          PAGE_HEADERS,
        );
      case 'granted':
        return context.redirect(outcome.continueTo, 303);
    }
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
      case 'deauthed':
        return context.text('ack');
    }
  });

  return router;
}
