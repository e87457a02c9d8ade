/**
 * Where a guest goes once their gateway lets them in. The page they first asked for is followed straight away
 * only when the gateway vouched for it with the hotspot's secret (openNDS levels 2–3, CoovaChilli); otherwise the
 * gateway sends them to the portal's `/online` page, which offers that page as a link they may choose — signed
 * with the portal's key, so our address can never be made to offer a link the portal did not put there. A phone
 * that asked for nothing real (a connectivity probe, an unsafe URL) lands on the city's welcome page.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Hotspot } from '../model.js';
import { type GatewayGuest, safeDestination } from './gateway-guest.js';
import type { PortalLanguage } from './page-text.js';

export const PORTAL_BASE_PATH = '/portal';

export const portalPath = (hotspotId: string) => `${PORTAL_BASE_PATH}/${hotspotId}`;

/** The city's welcome page, naming the hotspot the guest is at. */
export const landingUrl = (origin: string, language: PortalLanguage, hotspotId: string) =>
  `${origin}/${language}/welcome/?hotspot=${encodeURIComponent(hotspotId)}`;

const onlineSignature = (key: Uint8Array, hotspotId: string, wanted: string) =>
  createHmac('sha256', key).update(`online:${hotspotId}:${wanted}`).digest('base64url');

export function destinationFor(
  key: Uint8Array,
  origin: string,
  language: PortalLanguage,
  hotspot: Hotspot,
  guest: GatewayGuest,
): string {
  const welcome = landingUrl(origin, language, hotspot.id);
  const wanted = safeDestination(guest.wanted, welcome);
  if (wanted === welcome || guest.wantedSigned) return wanted;
  const online = new URL(`${origin}${portalPath(hotspot.id)}/online`);
  online.searchParams.set('lang', language);
  online.searchParams.set('to', wanted);
  online.searchParams.set('sig', onlineSignature(key, hotspot.id, wanted));
  return online.href;
}

/** The page the `/online` page may offer: `to` when the portal signed it for this hotspot, else none. */
export function offeredPage(
  key: Uint8Array,
  hotspotId: string,
  to: string | undefined,
  signature: string | undefined,
): string | null {
  if (!to || !signature) return null;
  const given = Buffer.from(signature);
  const expected = Buffer.from(onlineSignature(key, hotspotId, to));
  return given.length === expected.length && timingSafeEqual(given, expected) ? to : null;
}
