/**
 * The staff's Wi-Fi pages, read and written in-process: the hotspot registry (a list filtered by area and vendor,
 * adding, editing, removing) through the same hotspots service and zod schemas as /api/wifi/hotspots, and a
 * local day of the portal's statistics as GET /api/wifi/statistics reads it. Gateway secrets are write-only here
 * as in the API: a page gets `hotspotView`s, which say only which secrets are set.
 */
import * as z from 'zod';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { datesBetween } from '../platform/date-range.js';
import { addDays, localDateAt } from '../platform/local-time.js';
import {
  DEFAULT_BRANDING,
  DEFAULT_POLICY,
  type GatewayInput,
  HotspotId,
  HotspotInput,
  HotspotNotFoundError,
  type HotspotsService,
  HotspotUpdate,
  hotspotView,
  loginMethods,
  MissingSecretError,
  secretFields,
  type WifiAnalytics,
  type WifiDayStatistics,
} from '../wifi/index.js';

export type HotspotView = ReturnType<typeof hotspotView>;
export type Vendor = GatewayInput['vendor'];

/** What is wrong with one field of the form, in terms the page words in each language. */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'too-short'; limit: number }
  | { kind: 'too-long'; limit: number }
  | { kind: 'too-small'; limit: number }
  | { kind: 'too-large'; limit: number }
  | { kind: 'not-a-number' }
  | { kind: 'format' }
  | { kind: 'choice' }
  | { kind: 'missing-secret' };

/** The refused fields by name (the value's path in the schema: `gateway.faskey`), in the form's order. */
export type FieldProblems = Map<string, FieldProblem>;

export type SaveOutcome =
  | { kind: 'saved'; hotspot: HotspotView }
  | { kind: 'invalid'; problems: FieldProblems }
  | { kind: 'not-found' };

/** The settings each vendor's gateway takes from the form, secrets included (see model.ts). */
const vendorSettings = {
  opennds: ['faskey', 'securityLevel', 'gatewayName', 'gatewayAddress'],
  meraki: [],
  mikrotik: ['chap', 'gatewayAddress', 'username', 'password'],
  unifi: ['controllerUrl', 'site', 'unifiOs', 'username', 'password'],
  coovachilli: ['uamsecret', 'chap', 'gatewayAddress', 'username', 'password'],
} as const satisfies Record<Vendor, readonly string[]>;
const vendors = Object.keys(vendorSettings) as Vendor[];
const booleanSettings = new Set(['chap', 'unifiOs']);
/** The days of the statistics page's week: the day shown and the six before it. */
const WEEK_DAYS = 7;
const policyFields = Object.keys(DEFAULT_POLICY) as (keyof typeof DEFAULT_POLICY)[];

/**
 * The form's fields as the schema's input: the gateway takes only the chosen vendor's settings, a blank text is
 * absent (so a blank secret on edit keeps the stored one), a number field's text is a number (NaN when not one,
 * which the schema refuses) and a checkbox is true when sent.
 */
function candidateFrom(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = String(form.get(name) ?? '').trim();
    return value === '' ? undefined : value;
  };
  const number = (name: string) => {
    const value = text(name);
    return value === undefined ? undefined : Number(value);
  };
  const vendor = text('gateway.vendor');
  const settings: readonly string[] = vendorSettings[vendor as Vendor] ?? [];
  const gateway: Record<string, unknown> = { vendor };
  for (const setting of settings) {
    const name = `gateway.${setting}`;
    gateway[setting] = booleanSettings.has(setting)
      ? form.get(name) === 'on'
      : setting === 'securityLevel'
        ? number(name)
        : text(name);
  }
  return {
    name: { vi: text('name.vi'), en: text('name.en') },
    location: { lat: number('location.lat'), lon: number('location.lon') },
    gateway,
    loginMethods: form.getAll('loginMethods').map(String),
    policy: Object.fromEntries(policyFields.map((field) => [field, number(`policy.${field}`)])),
    branding: { accent: text('branding.accent') },
    area: text('area'),
    place: text('place'),
  };
}

/** One zod issue as a field's problem; a union's issue is read from its closest branch (a name given in parts). */
function problemsOf(
  issues: readonly z.core.$ZodIssue[],
  candidate: Record<string, unknown>,
  problems: FieldProblems = new Map(),
): FieldProblems {
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'invalid_union') {
      const deepest = [...issue.errors].sort(
        (a, b) => Math.max(0, ...b.map((i) => i.path.length)) - Math.max(0, ...a.map((i) => i.path.length)),
      )[0];
      const nested = (deepest ?? []).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
      if (nested.some((inner) => inner.path.length > issue.path.length))
        problemsOf(nested, candidate, problems);
      else if (!problems.has(field))
        problems.set(field === 'gateway' ? 'gateway.vendor' : field, { kind: 'choice' });
      continue;
    }
    if (problems.has(field)) continue;
    const typed = issue.path.reduce<unknown>(
      (parent, key) => (parent as Record<PropertyKey, unknown> | undefined)?.[key],
      candidate,
    );
    problems.set(field, typed === undefined ? { kind: 'required' } : problemOf(issue));
  }
  return problems;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? { kind: 'not-a-number' } : { kind: 'format' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { kind: 'required' };
      if (issue.origin === 'string') return { kind: 'too-short', limit: Number(issue.minimum) };
      if (issue.origin === 'array') return { kind: 'required' };
      return { kind: 'too-small', limit: Number(issue.minimum) };
    case 'too_big':
      if (issue.origin === 'string') return { kind: 'too-long', limit: Number(issue.maximum) };
      return { kind: 'too-large', limit: Number(issue.maximum) };
    case 'invalid_value':
    case 'invalid_union':
      return { kind: 'choice' };
    default:
      return { kind: 'format' };
  }
}

export function createWifiDesk(
  hotspots: HotspotsService,
  analytics: Pick<WifiAnalytics, 'day'>,
  clock: () => Date = () => new Date(),
) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** The registry and its statistics: managers (and admins), as the API's routes allow. */
    mayManageWifi: (principal: Principal) => hasAnyRole(principal, ['manager']),
    vendors,
    vendorSettings,
    loginMethods,
    secretFields,
    defaultPolicy: DEFAULT_POLICY,
    defaultBranding: DEFAULT_BRANDING,
  };

  return {
    // Async so that the Wi-Fi domain loads with the first of these pages (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /**
     * The hotspots the list's address asks for (`area`, `vendor`; every one when absent), and every area and vendor
     * the registry holds, to filter by.
     */
    async listHotspots(query: URLSearchParams) {
      const all = (await hotspots.list()).map(hotspotView);
      const area = query.get('area') || '';
      const vendor = query.get('vendor') || '';
      return {
        area,
        vendor,
        areas: [...new Set(all.flatMap((hotspot) => (hotspot.area ? [hotspot.area] : [])))].sort(),
        vendors: vendors.filter((candidate) => all.some((hotspot) => hotspot.gateway.vendor === candidate)),
        total: all.length,
        hotspots: all.filter(
          (hotspot) => (!area || hotspot.area === area) && (!vendor || hotspot.gateway.vendor === vendor),
        ),
      };
    },

    /** One hotspot without its secrets; null when the id names none. */
    async hotspot(id: string): Promise<HotspotView | null> {
      if (!HotspotId.safeParse(id).success) return null;
      try {
        return hotspotView(await hotspots.get(id));
      } catch (error) {
        if (error instanceof HotspotNotFoundError) return null;
        throw error;
      }
    },

    /** Adds a hotspot from the page's form, checked by the API's own schema. */
    async create(form: FormData): Promise<SaveOutcome> {
      const candidate = candidateFrom(form);
      const parsed = HotspotInput.safeParse(candidate);
      if (!parsed.success) return { kind: 'invalid', problems: problemsOf(parsed.error.issues, candidate) };
      return { kind: 'saved', hotspot: hotspotView(await hotspots.create(parsed.data)) };
    },

    /** Replaces a hotspot from the page's form; a secret left blank keeps the stored one (hotspots-service.ts). */
    async replace(id: string, form: FormData): Promise<SaveOutcome> {
      if (!HotspotId.safeParse(id).success) return { kind: 'not-found' };
      const candidate = candidateFrom(form);
      const parsed = HotspotUpdate.safeParse(candidate);
      if (!parsed.success) return { kind: 'invalid', problems: problemsOf(parsed.error.issues, candidate) };
      try {
        return { kind: 'saved', hotspot: hotspotView(await hotspots.replace(id, parsed.data)) };
      } catch (error) {
        if (error instanceof HotspotNotFoundError) return { kind: 'not-found' };
        if (error instanceof MissingSecretError) {
          return {
            kind: 'invalid',
            problems: new Map([[`gateway.${error.field}`, { kind: 'missing-secret' }]]),
          };
        }
        throw error;
      }
    },

    /** Removes a hotspot; false when there was none. */
    async remove(id: string): Promise<boolean> {
      if (!HotspotId.safeParse(id).success) return false;
      try {
        await hotspots.remove(id);
        return true;
      } catch (error) {
        if (error instanceof HotspotNotFoundError) return false;
        throw error;
      }
    },

    /**
     * The portal's statistics of a local day (today when `date` is absent), the city's totals of the week ending
     * that day (the API's range, read a day at a time as it does) and the days around it to page to; or the value
     * that names no day, to be explained. Future days have nothing counted yet and are refused.
     */
    async statistics(date: string | null): Promise<
      | {
          kind: 'day';
          day: WifiDayStatistics;
          week: { date: string; sessions: number; devices: number }[];
          previousDate: string;
          nextDate: string | null;
          today: string;
        }
      | { kind: 'invalid-date'; value: string }
    > {
      const today = localDateAt(clock());
      const wanted = date || today;
      if (!z.iso.date().safeParse(wanted).success || wanted > today) {
        return { kind: 'invalid-date', value: wanted };
      }
      const days = await Promise.all(
        datesBetween(addDays(wanted, -(WEEK_DAYS - 1)), wanted).map((day) => analytics.day(day)),
      );
      return {
        kind: 'day',
        day: days.at(-1) as WifiDayStatistics,
        week: days.map(({ date, city }) => ({ date, sessions: city.sessions, devices: city.devices })),
        previousDate: addDays(wanted, -1),
        nextDate: wanted < today ? addDays(wanted, 1) : null,
        today,
      };
    },
  };
}

export type WifiDesk = ReturnType<typeof createWifiDesk>;
