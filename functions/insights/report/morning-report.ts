/**
 * The managers' morning report: one page on yesterday (the dashboard's totals for the day), today (departures,
 * seats, the weather bans in force), the safety alerts still open, and the week ahead (the stored forecasts). Made
 * from the same reads as the dashboard; sent at 06:30 to each recipient in their language (job.ts) and downloaded
 * as PDF from the dashboard (pdf.ts).
 */
import type { Ban, Departure } from '../../boats/reads.js';
import { addDays } from '../../platform/local-time.js';
import type { Alert } from '../../tracking/index.js';
import type { BoatTotals, MuseumTotals, SafetyTotals, WifiTotals } from '../dashboard/model.js';
import type { Dashboard } from '../dashboard/service.js';
import type { InsightsStore } from '../store.js';

/** The series the week ahead shows, in this order. */
export const REPORT_SERIES = ['bay-passengers', 'wifi-sessions', 'museum-visits'] as const;

export interface MorningReport {
  /** The local date the report is for ("today"). */
  date: string;
  generatedAt: string;
  yesterday: {
    date: string;
    boats: BoatTotals;
    safety: SafetyTotals;
    wifi: WifiTotals;
    museum: MuseumTotals;
    demo: boolean;
  };
  today: {
    departures: number;
    suspended: number;
    seats: number;
    booked: number;
    bans: { id: string; scope: Ban['scope']; reason: string; until: string }[];
  };
  openAlerts: { kind: string; boatName: string; raisedAt: string; state: Alert['state'] }[];
  week: {
    seriesId: string;
    name: { vi: string; en: string };
    demo: boolean;
    days: { date: string; forecast: number; lower80: number; upper80: number }[];
  }[];
}

export interface MorningReportSources {
  dashboard: Dashboard;
  forecasts: Pick<InsightsStore, 'getForecast' | 'getSeries'>;
  departuresOn: (localDate: string) => Promise<Departure[]>;
  bansInForce: (instant: Date) => Promise<Ban[]>;
  openAlerts: () => Promise<Alert[]>;
}

export function createMorningReports(sources: MorningReportSources, clock: () => Date = () => new Date()) {
  return {
    async build(date: string): Promise<MorningReport> {
      const yesterday = addDays(date, -1);
      // Bans in force at the start of the day's first departures (06:00 local).
      const morning = new Date(`${date}T06:00:00+07:00`);
      const [summary, departures, bans, alerts, week] = await Promise.all([
        sources.dashboard.summary({ from: yesterday, to: yesterday }),
        sources.departuresOn(date),
        sources.bansInForce(morning),
        sources.openAlerts(),
        Promise.all(
          REPORT_SERIES.map(async (seriesId) => {
            const [series, forecast] = await Promise.all([
              sources.forecasts.getSeries(seriesId),
              sources.forecasts.getForecast(seriesId),
            ]);
            if (!series || !forecast) return null;
            const offset = Math.round((Date.parse(date) - Date.parse(forecast.start)) / 86_400_000);
            const days = Array.from({ length: 7 }, (_, index) => offset + index)
              .filter((at) => at >= 0 && at < forecast.mean.length)
              .map((at) => ({
                date: addDays(forecast.start, at),
                forecast: Math.round(forecast.mean[at] as number),
                lower80: Math.round(forecast.lower80[at] as number),
                upper80: Math.round(forecast.upper80[at] as number),
              }));
            return { seriesId, name: series.name, demo: series.demo, days };
          }),
        ),
      ]);
      const running = departures.filter((departure) => departure.status !== 'cancelled');
      return {
        date,
        generatedAt: clock().toISOString(),
        yesterday: {
          date: yesterday,
          boats: summary.boats.totals,
          safety: summary.safety.totals,
          wifi: summary.wifi.totals,
          museum: summary.museum.totals,
          demo: summary.demo,
        },
        today: {
          departures: running.length,
          suspended: running.filter((departure) => departure.status === 'suspended').length,
          seats: running.reduce((sum, departure) => sum + departure.capacity, 0),
          booked: running.reduce((sum, departure) => sum + departure.sold + departure.held, 0),
          bans: bans.map((ban) => ({ id: ban.id, scope: ban.scope, reason: ban.reason, until: ban.until })),
        },
        openAlerts: alerts.map((alert) => ({
          kind: alert.kind,
          boatName: alert.boatName,
          raisedAt: alert.raisedAt,
          state: alert.state,
        })),
        week: week.filter((one) => one !== null),
      };
    },
  };
}

export type MorningReports = ReturnType<typeof createMorningReports>;
