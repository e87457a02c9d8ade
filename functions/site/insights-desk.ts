/**
 * The managers' dashboard pages, read in-process: the period and filters the page's address asks for (a preset such
 * as the last 7 days, or from/to), checked with the API's own `DashboardQuery`, the four panels of the dashboard
 * service for it, today's totals beside them, and the names the tables and the filter form label ids with (routes,
 * ports, companies, hotspots with their positions, exhibits).
 */

import * as z from 'zod';
import {
  type BoatsPanel,
  type Dashboard,
  DashboardQuery,
  type DashboardSummary,
  type MuseumPanel,
  type SafetyPanel,
  type WifiPanel,
} from '../insights/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { addDays, localDateAt } from '../platform/local-time.js';

export const periodPresets = [
  'today',
  'last-7-days',
  'last-30-days',
  'this-month',
  'this-year',
  'custom',
] as const;
export type PeriodPreset = (typeof periodPresets)[number];
const DEFAULT_PRESET = 'last-7-days' satisfies PeriodPreset;

export const dashboardPanels = ['boats', 'safety', 'wifi', 'museum'] as const;
export type DashboardPanelName = (typeof dashboardPanels)[number];

/** The filter form's values as the address gave them, to fill the form in again (ids, or '' for every one). */
export interface DashboardFilters {
  period: PeriodPreset;
  from: string;
  to: string;
  route: string;
  port: string;
  operator: string;
}

/** A field of the filter form whose value was refused. */
export type FilterField = 'from' | 'to' | 'route' | 'port' | 'operator';

export interface Bilingual {
  vi: string;
  en: string;
}

/** What the pages name ids with, and offer in the filter form. */
export interface DashboardNames {
  routes: { id: number; name: Bilingual }[];
  ports: { id: string; name: Bilingual }[];
  operators: { id: string; name: string }[];
  hotspots: { id: string; name: Bilingual; location: { lat: number; lon: number } }[];
  exhibits: { id: string; title: Bilingual }[];
}

export interface DashboardPanels {
  boats?: BoatsPanel | undefined;
  safety?: SafetyPanel | undefined;
  wifi?: WifiPanel | undefined;
  museum?: MuseumPanel | undefined;
}

export type DashboardReading =
  | {
      kind: 'dashboard';
      filters: DashboardFilters;
      query: DashboardQuery;
      today: string;
      /** Today's totals under the same filters; null when the period is today itself, or not asked for. */
      todaySummary: DashboardSummary | null;
      panels: DashboardPanels;
      names: DashboardNames;
    }
  | {
      kind: 'invalid';
      filters: DashboardFilters;
      problems: FilterField[];
      today: string;
      names: DashboardNames;
    };

/** Where the names come from: the catalogue, the fleet, the hotspot registry and the museum, as the pages read them. */
export interface DashboardNameSources {
  listRoutes(): Promise<{ routes: { id: number; name: Bilingual }[] }>;
  listPorts(): Promise<{ id: string; name: Bilingual }[]>;
  listOperators(): Promise<{ id: string; name: string }[]>;
  listHotspots(): Promise<{ id: string; name: Bilingual; location: { lat: number; lon: number } }[]>;
  listExhibits(): Promise<{ id: string; title: Bilingual }[]>;
}

/** The first and last day of a preset period ending today. */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string) {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last-7-days':
      return { from: addDays(today, -6), to: today };
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** The filters an address asks for: a known preset, else custom when it gives from or to, else the default. */
export function filtersOf(search: URLSearchParams, today: string): DashboardFilters {
  const text = (name: string) => (search.get(name) ?? '').trim().slice(0, 80);
  const asked = text('period');
  const period: PeriodPreset = periodPresets.includes(asked as PeriodPreset)
    ? (asked as PeriodPreset)
    : text('from') || text('to')
      ? 'custom'
      : DEFAULT_PRESET;
  const range =
    period === 'custom'
      ? {
          from: text('from') || presetRange(DEFAULT_PRESET, today).from,
          to: text('to') || today,
        }
      : presetRange(period, today);
  return { period, ...range, route: text('route'), port: text('port'), operator: text('operator') };
}

/** The morning report of a day as a PDF in a language (insights' morningReportPdfFor). */
export type MorningReportPdf = (date: string, language: 'vi' | 'en') => Promise<Buffer>;

export function createInsightsDesk(
  dashboard: Dashboard,
  sources: DashboardNameSources,
  morningReportPdf: MorningReportPdf,
  clock: () => Date = () => new Date(),
) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** The dashboard is the tourism managers' (and admins'), as the API's /api/insights routes allow. */
    mayReadDashboard: (principal: Principal) => hasAnyRole(principal, ['manager']),
    periodPresets,
    dashboardPanels,
  };

  async function names(): Promise<DashboardNames> {
    const [routes, ports, operators, hotspots, exhibits] = await Promise.all([
      sources.listRoutes(),
      sources.listPorts(),
      sources.listOperators(),
      sources.listHotspots(),
      sources.listExhibits(),
    ]);
    return {
      routes: routes.routes.map(({ id, name }) => ({ id, name })).sort((a, b) => a.id - b.id),
      ports: ports.map(({ id, name }) => ({ id, name })),
      operators: operators
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      hotspots: hotspots.map(({ id, name, location }) => ({ id, name, location })),
      exhibits: exhibits.map(({ id, title }) => ({ id, title })),
    };
  }

  return {
    // Async so that the insights domain loads with the first dashboard page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** The morning report of `date` (today when absent) for the download link; a date that is not one refused. */
    async morningReportPdf(
      date: string | null,
      language: 'vi' | 'en',
    ): Promise<{ kind: 'invalid' } | { kind: 'report'; pdf: Buffer; filename: string }> {
      const day = date ?? localDateAt(clock());
      if (!z.iso.date().safeParse(day).success) return { kind: 'invalid' };
      return {
        kind: 'report',
        pdf: await morningReportPdf(day, language),
        filename: `morning-report-${day}-${language}.pdf`,
      };
    },

    /**
     * The dashboard the address asks for: its filters (see filtersOf), checked as GET /api/insights checks them,
     * and the panels named (every one by default) with today's totals when `withToday`; or the refused fields.
     */
    async read(
      search: URLSearchParams,
      options: { panels?: readonly DashboardPanelName[]; withToday?: boolean } = {},
    ): Promise<DashboardReading> {
      const today = localDateAt(clock());
      const filters = filtersOf(search, today);
      const parsed = DashboardQuery.safeParse({
        from: filters.from,
        to: filters.to,
        route: filters.route || undefined,
        port: filters.port || undefined,
        operator: filters.operator || undefined,
      });
      if (!parsed.success) {
        const problems = [
          ...new Set(parsed.error.issues.map((issue) => String(issue.path[0]) as FilterField)),
        ];
        return { kind: 'invalid', filters, problems, today, names: await names() };
      }
      const query = parsed.data;
      const wanted = new Set(options.panels ?? dashboardPanels);
      const isToday = query.from === today && query.to === today;
      const [boats, safety, wifi, museum, todaySummary, named] = await Promise.all([
        wanted.has('boats') ? dashboard.boatsPanel(query) : undefined,
        wanted.has('safety') ? dashboard.safetyPanel(query) : undefined,
        wanted.has('wifi') ? dashboard.wifiPanel(query) : undefined,
        wanted.has('museum') ? dashboard.museumPanel(query) : undefined,
        options.withToday && !isToday ? dashboard.summary({ ...query, from: today, to: today }) : null,
        names(),
      ]);
      return {
        kind: 'dashboard',
        filters,
        query,
        today,
        todaySummary,
        panels: { boats, safety, wifi, museum },
        names: named,
      };
    },
  };
}

export type InsightsDesk = ReturnType<typeof createInsightsDesk>;
