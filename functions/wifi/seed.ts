/**
 * Loads the demo hotspots (assets/seed/wifi-hotspots.json: 107 believable places of Hạ Long, generated demo
 * data) into the registry. The file holds no secrets: each hotspot's faskey, uamsecret or portal password is
 * drawn at random the first time it is seeded and kept in the table. Idempotent: a second run writes nothing
 * and never overwrites an admin's change.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { GatewayAddress } from './gateways/gateway-address.js';
import type { HotspotsService } from './hotspots-service.js';
import {
  BilingualName,
  Branding,
  type GatewayInput,
  HotspotId,
  Location,
  LoginMethod,
  SessionPolicy,
} from './model.js';

export const WIFI_SEED = new URL('../../assets/seed/wifi-hotspots.json', import.meta.url);

/** The account name the portal logs guests in with on the demo gateways that need one. */
export const DEMO_PORTAL_USERNAME = 'halong-portal';

const SeedGateway = z.discriminatedUnion('vendor', [
  z.object({
    vendor: z.literal('opennds'),
    securityLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    gatewayName: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    gatewayAddress: GatewayAddress,
  }),
  z.object({ vendor: z.literal('meraki') }),
  z.object({ vendor: z.literal('mikrotik'), chap: z.boolean(), gatewayAddress: GatewayAddress }),
  z.object({ vendor: z.literal('unifi'), controllerUrl: z.url(), site: z.string(), unifiOs: z.boolean() }),
  z.object({ vendor: z.literal('coovachilli'), chap: z.boolean(), gatewayAddress: GatewayAddress }),
]);

export const WifiSeed = z.object({
  demo: z.literal(true),
  note: z.string().min(1),
  areas: z.array(z.object({ id: HotspotId, name: BilingualName })),
  hotspots: z.array(
    z.object({
      id: HotspotId,
      name: BilingualName,
      area: HotspotId,
      place: z.string().min(1).max(40),
      location: Location,
      gateway: SeedGateway,
      loginMethods: z.array(LoginMethod).min(1),
      policy: SessionPolicy,
      branding: Branding,
    }),
  ),
});
export type WifiSeed = z.infer<typeof WifiSeed>;

export async function readWifiSeed(file: URL = WIFI_SEED): Promise<WifiSeed> {
  return WifiSeed.parse(JSON.parse(await readFile(file, 'utf8')));
}

const secret = () => randomBytes(18).toString('base64url');

/** The seed's gateway with fresh secrets (and the portal's account where the gateway needs one). */
function withSecrets(gateway: WifiSeed['hotspots'][number]['gateway']): GatewayInput {
  switch (gateway.vendor) {
    case 'opennds':
      return { ...gateway, faskey: secret() };
    case 'meraki':
      return gateway;
    case 'mikrotik':
    case 'unifi':
      return { ...gateway, username: DEMO_PORTAL_USERNAME, password: secret() };
    case 'coovachilli':
      return { ...gateway, uamsecret: secret(), username: DEMO_PORTAL_USERNAME, password: secret() };
  }
}

/** Adds whichever demo hotspots are missing; returns how many were written. */
export async function seedHotspots(hotspots: HotspotsService, seed: WifiSeed): Promise<number> {
  const written = await Promise.all(
    seed.hotspots.map(({ id, gateway, ...hotspot }) =>
      hotspots.seed(id, { ...hotspot, gateway: withSecrets(gateway) }),
    ),
  );
  return written.filter(Boolean).length;
}
