/**
 * The city's Wi-Fi hotspots as admins and managers manage them: where each stands, the gateway in front of it
 * (vendor and settings, secrets included), how guests may log in, the session policy and the branding. The
 * same schemas validate the seed file and the API's input; secrets are write-only — what the API answers
 * (`HotspotView`) says only which secrets are set.
 */
import * as z from 'zod';
import { storableNumber } from '../platform/stored-number.js';
import { GatewayAddress } from './gateways/gateway-address.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const HotspotId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case slug such as hl-tuanchau-port-01')
  .max(64);

export const BilingualName = z.object({ vi: Text(120), en: Text(120) }).meta({ id: 'HotspotName' });

/** A plain name is the same in both languages. */
const NameInput = z.union([Text(120).transform((name) => ({ vi: name, en: name })), BilingualName]);

export const Location = z
  .object({ lat: storableNumber().min(-90).max(90), lon: storableNumber().min(-180).max(180) })
  .meta({ id: 'Location', description: 'WGS 84 degrees.' });

/** A shared secret typed by an installer: printable, no spaces at either end. */
const Secret = (description: string) =>
  z
    .string()
    .min(8)
    .max(128)
    .regex(/^\S(.*\S)?$/, 'no spaces at the start or the end')
    .meta({ description: `${description} Write-only: never returned.`, writeOnly: true });

const PortalAccount = {
  username: Text(64).meta({ description: 'The account the portal logs guests in with on the gateway.' }),
  password: Secret('Its password.'),
};

export const OpenNdsGateway = z.object({
  vendor: z.literal('opennds'),
  faskey: Secret('The FAS key set on the gateway (fas_key).'),
  securityLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).meta({
    description:
      'fas_secure_enabled: 1 base64, 2 AES with the gateway reachable, 3 AES with authmon polling.',
  }),
  gatewayName: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional()
    .meta({ description: 'The gatewayname set on the gateway, which level 3 polls under.' }),
  gatewayAddress: GatewayAddress.optional(),
});

export const MerakiGateway = z.object({ vendor: z.literal('meraki') });

export const MikrotikGateway = z.object({
  vendor: z.literal('mikrotik'),
  chap: z.boolean().meta({ description: 'Log in with CHAP when the router offers a challenge.' }),
  gatewayAddress: GatewayAddress.optional(),
  ...PortalAccount,
});

export const UnifiGateway = z.object({
  vendor: z.literal('unifi'),
  controllerUrl: z.url({ protocol: /^https?$/ }).max(200),
  site: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  unifiOs: z.boolean(),
  ...PortalAccount,
});

export const CoovaChilliGateway = z.object({
  vendor: z.literal('coovachilli'),
  uamsecret: Secret('The uamsecret set on the gateway.'),
  chap: z.boolean(),
  gatewayAddress: GatewayAddress.optional(),
  ...PortalAccount,
});

export const GatewayInput = z
  .discriminatedUnion('vendor', [
    OpenNdsGateway,
    MerakiGateway,
    MikrotikGateway,
    UnifiGateway,
    CoovaChilliGateway,
  ])
  .meta({ id: 'GatewayInput' });

export const loginMethods = ['terms', 'code', 'booking'] as const;
export const LoginMethod = z.enum(loginMethods).meta({
  description:
    'terms: accept the terms (click-through); code: a one-time code by e-mail or SMS; booking: a boat booking reference.',
});

export const SessionPolicy = z
  .object({
    sessionMinutes: z.number().int().min(5).max(1440),
    /** 0 means no limit, as the gateways take it. */
    downKbps: z.number().int().min(0).max(1_000_000),
    upKbps: z.number().int().min(0).max(1_000_000),
    quotaMB: z.number().int().min(0).max(100_000),
    sessionsPerDevicePerDay: z.number().int().min(1).max(50),
    ticketSessionMinutes: z.number().int().min(5).max(1440).optional().meta({
      description:
        'The session of a guest who logs in with a boat booking for today or tomorrow; 480 when absent (never shorter than sessionMinutes).',
    }),
  })
  .meta({ id: 'SessionPolicy', description: 'Rates and quotas of 0 mean no limit.' });

export const Branding = z
  .object({
    accent: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .meta({ description: 'The portal page’s accent colour (text on white must stay readable).' }),
  })
  .meta({ id: 'HotspotBranding' });

export const HotspotInput = z
  .object({
    name: NameInput,
    location: Location,
    gateway: GatewayInput,
    loginMethods: z.array(LoginMethod).min(1).max(3),
    policy: SessionPolicy.optional(),
    branding: Branding.optional(),
    area: HotspotId.optional(),
    place: Text(40).optional(),
  })
  .meta({ id: 'HotspotInput' });

export type GatewayInput = z.infer<typeof GatewayInput>;
export type HotspotInput = z.infer<typeof HotspotInput>;
export type SessionPolicy = z.infer<typeof SessionPolicy>;

/** Which settings of a gateway are secrets, per vendor: never answered, only said to be set. */
export const secretFields = {
  opennds: ['faskey'],
  meraki: [],
  mikrotik: ['password'],
  unifi: ['password'],
  coovachilli: ['uamsecret', 'password'],
} as const satisfies Record<GatewayInput['vendor'], readonly string[]>;

/** A gateway as the API shows it: its settings without the secrets, and which secrets are set. */
export function publicGateway(gateway: GatewayInput): {
  vendor: GatewayInput['vendor'];
  secretsSet: string[];
  [setting: string]: string | number | boolean | string[];
} {
  const hidden: readonly string[] = secretFields[gateway.vendor];
  const shown = Object.fromEntries(Object.entries(gateway).filter(([field]) => !hidden.includes(field)));
  return { ...shown, vendor: gateway.vendor, secretsSet: hidden.filter((field) => field in gateway) };
}

export const DEFAULT_POLICY: SessionPolicy = {
  sessionMinutes: 120,
  downKbps: 10_240,
  upKbps: 2_048,
  quotaMB: 1_024,
  sessionsPerDevicePerDay: 3,
  ticketSessionMinutes: 480,
};

/** A hotspot as stored: the input with its id, its policy and branding filled in, and when it changed. */
export const Hotspot = z.object({
  id: HotspotId,
  name: BilingualName,
  location: Location,
  gateway: GatewayInput,
  loginMethods: z.array(LoginMethod).min(1).max(3),
  policy: SessionPolicy,
  branding: Branding,
  area: HotspotId.optional(),
  place: Text(40).optional(),
  demo: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type Hotspot = z.infer<typeof Hotspot>;

/** What the API answers for a hotspot: everything but the gateway's secrets. */
export function hotspotView(hotspot: Hotspot) {
  return { ...hotspot, gateway: publicGateway(hotspot.gateway) };
}

export const DEFAULT_BRANDING = { accent: '#0d4f55' };

/**
 * A replacement of a hotspot (PUT): like a new one, except that a secret may be left out to keep the stored one
 * — admins never see secrets, so they cannot send them back.
 */
export const GatewayUpdate = z
  .discriminatedUnion('vendor', [
    OpenNdsGateway.partial({ faskey: true }),
    MerakiGateway,
    MikrotikGateway.partial({ password: true }),
    UnifiGateway.partial({ password: true }),
    CoovaChilliGateway.partial({ uamsecret: true, password: true }),
  ])
  .meta({ id: 'GatewayUpdate' });
export const HotspotUpdate = HotspotInput.extend({ gateway: GatewayUpdate }).meta({ id: 'HotspotUpdate' });
export type HotspotUpdate = z.infer<typeof HotspotUpdate>;
