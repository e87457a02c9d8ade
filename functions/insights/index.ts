/** The insights domain assembled: demand series, their forecasts, the nightly job and the managers' API. */
import { bansInForceFor, departuresOfDayFor } from '../boats/reads.js';
import { visitAnalyticsFor } from '../museum/reads.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { MessagesPort } from '../platform/messages/port.js';
import { createReadCache } from '../platform/read-cache.js';
import type { ScheduledJob } from '../platform/schedules/port.js';
import {
  createStreamConsumer,
  type StreamConsumerHandler,
} from '../platform/table-changes/stream-consumer.js';
import { hotspotStoreFor, wifiAnalyticsFor } from '../wifi/reads.js';
import { createDashboard } from './dashboard/service.js';
import { createForecastDays } from './forecast-days.js';
import { createForecasts, type RecordedDemand } from './forecasts.js';
import { insightsJobSchedule } from './job-schedule.js';
import { createMorningReportJob } from './report/job.js';
import { createMorningReports } from './report/morning-report.js';
import { createRecipientsStore } from './report/recipients.js';
import { readDemoRange } from './rollups/demo-range.js';
import { createRollupStore } from './rollups/store.js';
import { createInsightsRouter, INSIGHTS_BASE_PATH } from './routes.js';
import { createInsightsStore } from './store.js';

export {
  type BoatsPanel,
  type BoatTotals,
  DashboardQuery,
  type DashboardSummary,
  type MuseumPanel,
  type SafetyPanel,
  type WifiPanel,
} from './dashboard/model.js';
export type { Dashboard } from './dashboard/service.js';
// What the site's forecast pages read of insights.
export type { ForecastDay, ForecastDays, SeriesForecast } from './forecast-days.js';
export { type HolidayId, holidayDescriptions } from './holidays.js';
export * from './outlook/figures.js';
export * from './outlook/periods.js';
export type { SeriesInfo } from './store.js';
export { INSIGHTS_BASE_PATH };

type Data = Pick<PlatformDependencies, 'db' | 'config'>;

/**
 * What the services recorded for a series on a day: boat passengers are the seats sold on the day's departures
 * (per route and port as the departures say), Wi-Fi sessions the portal's daily counters (per area through the
 * hotspots' areas), museum visits the visit analytics' counter.
 */
export function recordedDemandFor(dependencies: Data): RecordedDemand {
  const departuresOn = departuresOfDayFor(dependencies);
  const wifi = wifiAnalyticsFor(dependencies);
  const hotspots = hotspotStoreFor(dependencies);
  const museum = visitAnalyticsFor(dependencies);
  return async (seriesId, date) => {
    const [kind, part] = seriesId.split(':');
    if (kind === 'bay-passengers') {
      const day = await departuresOn(date);
      return day
        .filter(
          (departure) =>
            part === undefined ||
            part === `route-${departure.routeId}` ||
            part === `port-${departure.portId}`,
        )
        .reduce((sum, departure) => sum + departure.sold, 0);
    }
    if (kind === 'wifi-sessions') {
      const statistics = await wifi.day(date);
      if (part === undefined) return statistics.city.sessions;
      const inArea = new Set(
        (await hotspots.list())
          .filter((hotspot) => `area-${hotspot.area}` === part)
          .map((hotspot) => hotspot.id),
      );
      return statistics.hotspots
        .filter((hotspot) => inArea.has(hotspot.hotspotId))
        .reduce((sum, hotspot) => sum + hotspot.sessions, 0);
    }
    if (kind === 'museum-visits') return (await museum.day(date)).visits;
    return null;
  };
}

export function forecastsFor(dependencies: Data) {
  return createForecasts(
    createInsightsStore(dependencies.db, dependencies.config.tableName),
    recordedDemandFor(dependencies),
  );
}

/** A series' actuals beside its stored forecast, as the API answers them and the managers' pages show them. */
export function forecastDaysFor(dependencies: Data) {
  return createForecastDays(
    createInsightsStore(dependencies.db, dependencies.config.tableName),
    recordedDemandFor(dependencies),
  );
}

export function dashboardFor({ db, config }: Data) {
  return createDashboard(createRollupStore(db, config.tableName), {
    cache: createReadCache({ ttlMilliseconds: 60_000, maxEntries: 2_000 }),
  });
}

/** The morning report's contents for a day, read as the dashboard reads. */
export function morningReportsFor(dependencies: Data) {
  return createMorningReports({
    dashboard: dashboardFor(dependencies),
    forecasts: createInsightsStore(dependencies.db, dependencies.config.tableName),
    departuresOn: departuresOfDayFor(dependencies),
    bansInForce: bansInForceFor(dependencies),
    // Tracking's alert schema loads with the first report, not at the managers' API's cold start.
    openAlerts: async () => (await import('../tracking/reads.js')).openAlertsFor(dependencies)(),
  });
}

/**
 * The morning report of a day as a PDF in a language, for the dashboard's download: PDFKit and the font load with
 * the first report, not with the pages that never make one.
 */
export function morningReportPdfFor(dependencies: Data) {
  const reports = morningReportsFor(dependencies);
  return async (date: string, language: 'vi' | 'en'): Promise<Buffer> => {
    const [{ reportPdf }, { reportWords }] = await Promise.all([
      import('./report/pdf.js'),
      import('./report/wording.js'),
    ]);
    return reportPdf(reportWords(await reports.build(date), language), language);
  };
}

export function reportRecipientsFor({ db, config }: Data) {
  return createRecipientsStore(db, config.tableName);
}

export function insightsRouterFor(dependencies: PlatformDependencies) {
  return createInsightsRouter(
    createInsightsStore(dependencies.db, dependencies.config.tableName),
    recordedDemandFor(dependencies),
    dependencies.requireRole,
    dashboardFor(dependencies),
    { reports: morningReportsFor(dependencies), recipients: reportRecipientsFor(dependencies) },
  );
}

/** The nightly forecasts, and the morning report where messages can be sent. */
export function insightsJobsFor(dependencies: Data & { messages?: MessagesPort | null }): ScheduledJob[] {
  const forecasts = forecastsFor(dependencies);
  const [refresh, morningReport] = insightsJobSchedule;
  const jobs: ScheduledJob[] = [{ ...refresh, run: () => forecasts.refreshAll() }];
  if (dependencies.messages) {
    jobs.push({
      ...morningReport,
      run: createMorningReportJob(
        morningReportsFor(dependencies),
        reportRecipientsFor(dependencies),
        dependencies.messages,
        { publicBaseUrl: dependencies.config.publicBaseUrl ?? null },
      ),
    });
  }
  return jobs;
}

/** The days the demo counters cover (GENERATED DEMO DATA), or null: a page showing some of them says so. */
export function demoRangeFor({ db, config }: Data) {
  return () => readDemoRange(db, config.tableName);
}
