/** The insights domain assembled: demand series, their forecasts, the nightly job and the managers' API. */
import { departuresOfDayFor } from '../boats/reads.js';
import { visitAnalyticsFor } from '../museum/reads.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { ScheduledJob } from '../platform/schedules/port.js';
import {
  createStreamConsumer,
  type StreamConsumerHandler,
} from '../platform/table-changes/stream-consumer.js';
import { hotspotStoreFor, wifiAnalyticsFor } from '../wifi/reads.js';
import { createDashboard } from './dashboard/service.js';
import { createForecasts, type RecordedDemand } from './forecasts.js';
import { insightsJobSchedule } from './job-schedule.js';
import { createBackfill } from './rollups/backfill.js';
import { createRollups } from './rollups/rollups.js';
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

export function dashboardFor({ db, config }: Data) {
  return createDashboard(createRollupStore(db, config.tableName));
}

export function insightsRouterFor(dependencies: PlatformDependencies) {
  return createInsightsRouter(
    createInsightsStore(dependencies.db, dependencies.config.tableName),
    recordedDemandFor(dependencies),
    dependencies.requireRole,
    dashboardFor(dependencies),
  );
}

export function insightsJobsFor(dependencies: Data): ScheduledJob[] {
  const forecasts = forecastsFor(dependencies);
  const [refresh] = insightsJobSchedule;
  return [{ ...refresh, run: () => forecasts.refreshAll() }];
}

/** The roll-ups of the table's changes into the managers' counters: the stream's handler, on AWS and locally. */
export function rollupStreamHandlerFor(
  dependencies: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
): StreamConsumerHandler {
  const rollups = createRollups(createRollupStore(dependencies.db, dependencies.config.tableName));
  return createStreamConsumer('insights roll-ups', (change) => rollups.apply(change), dependencies.logger);
}

/** The counters rebuilt from the records (`npm run insights:backfill`, the local start). */
export function rollupBackfillFor(dependencies: Data) {
  const { db, config } = dependencies;
  return createBackfill(db, config.tableName, createRollupStore(db, config.tableName));
}
