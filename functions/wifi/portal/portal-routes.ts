/**
 * /portal/{hotspotId}: the address an installer types into the gateway. GET shows the login page for the guest
 * the gateway sent (read by the hotspot's vendor adapter), with the ways this hotspot offers; each posts below
 * it — …/login accepts the terms, …/code sends a one-time code and …/verify checks it, …/ticket takes a boat
 * booking reference — and a guest let in is handed to the gateway in the form it expects. POST to the address
 * itself is openNDS authmon polling (level 3). Pages are HTML for captive-portal browsers, never JSON, and every
 * refusal is a page that says what to do.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http-app.js';
import { publicOrigin } from '../../platform/public-origin.js';
import { authmonViewReply, FasError, gatewayHashFor, readAuthmonRequest } from '../gateways/opennds.js';
import { landingUrl, offeredPage, PORTAL_BASE_PATH } from './destination.js';
import { type GatewayGuest, GatewayRequestError, readGuest } from './gateway-guest.js';
import { sealLoginContext } from './login-context.js';
import { createLoginFlow, type PortalDependencies } from './login-flow.js';
import { createLoginWays } from './login-ways.js';
import { loginPageFor, onlinePage } from './page.js';
import { type PortalLanguage, pickLanguage } from './page-text.js';
import { PAGE_HEADERS, refusal } from './responses.js';

export type { PortalDependencies };
export { PORTAL_BASE_PATH };

/** openNDS sends its gateway name percent-encoded with lower-case hex, every character but letters and digits. */
const ndsEncoded = (name: string) =>
  name.replace(/[^A-Za-z0-9]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function createPortalRouter(dependencies: PortalDependencies) {
  const { hotspots, portal, key, analytics, publicAddress, now = () => new Date() } = dependencies;
  const flow = createLoginFlow(dependencies);
  const ways = createLoginWays(dependencies, flow);
  const router = new Hono<AppEnv>();

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
    const page = loginPageFor(hotspot, language, sealLoginContext(key, hotspot.id, guest, now()), {
      otherLanguageUrl: `${otherLanguageUrl.pathname}${otherLanguageUrl.search}`,
    });
    return context.html(page, 200, PAGE_HEADERS);
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

  router.post('/:hotspotId/login', (context) => flow.logIn(context, ways.terms));
  router.post('/:hotspotId/code', (context) => ways.sendCode(context));
  router.post('/:hotspotId/verify', (context) => flow.logIn(context, ways.code));
  router.post('/:hotspotId/ticket', (context) => flow.logIn(context, ways.ticket));

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
