/**
 * The stored forecasts: every night (and by hand, `npm run forecast:refresh`) each series' history — the demo
 * history, completed day by day with what the services have recorded since — is forecast 90 days ahead and the
 * forecast stored with its model, intervals and measured accuracy (held-out-accuracy.ts), so the dashboard and
 * the API only read.
 */
import { addDays, localDateAt } from '../platform/local-time.js';
import { forecastDaily } from './daily-model.js';
import { heldOutAccuracy } from './held-out-accuracy.js';
import type { InsightsStore, SeriesInfo, StoredForecast } from './store.js';

export const FORECAST_DAYS = 90;
/** How much history a forecast reads (the model learns from the last three years of it). */
const HISTORY_DAYS = 4 * 365;

/** What a service recorded for a series on a day (passengers sold, sessions counted, visits), or null if nothing. */
export type RecordedDemand = (seriesId: string, date: string) => Promise<number | null>;

export function createForecasts(
  store: InsightsStore,
  recorded: RecordedDemand,
  clock: () => Date = () => new Date(),
) {
  /** The history up to yesterday: stored days, and the services' records for days the store lacks. */
  async function historyOf(series: SeriesInfo, today: string) {
    const from = addDays(today, -HISTORY_DAYS);
    const yesterday = addDays(today, -1);
    const values = await store.history(series.id, from, yesterday);
    // The stored history ends where the demo data ends; the days after it come from the services.
    let lastKnown = values.length - 1;
    while (lastKnown >= 0 && values[lastKnown] === null) lastKnown -= 1;
    for (let index = lastKnown + 1; index < values.length; index += 1) {
      values[index] = await recorded(series.id, addDays(from, index));
    }
    return { from, values };
  }

  return {
    async refreshOne(series: SeriesInfo): Promise<StoredForecast> {
      const today = localDateAt(clock());
      const { from, values } = await historyOf(series, today);
      // Leading unknown days (a series younger than the window) are dropped, not read as zeros.
      const firstKnown = values.findIndex((value) => value !== null);
      const start = addDays(from, Math.max(0, firstKnown));
      const known = values.slice(Math.max(0, firstKnown));
      const daily = forecastDaily(start, known, FORECAST_DAYS);
      const forecast: StoredForecast = {
        seriesId: series.id,
        generatedAt: clock().toISOString(),
        model: daily.model,
        start: daily.start,
        mean: daily.mean.map((value) => Math.round(value)),
        lower80: daily.lower80.map((value) => Math.round(value)),
        upper80: daily.upper80.map((value) => Math.round(value)),
        lower95: daily.lower95.map((value) => Math.round(value)),
        upper95: daily.upper95.map((value) => Math.round(value)),
        accuracy: heldOutAccuracy(start, known),
      };
      await store.putForecast(forecast);
      return forecast;
    },

    /** Every series, one after another (a few hundred milliseconds each at most). */
    async refreshAll(): Promise<{ series: number; milliseconds: number }> {
      const started = performance.now();
      const all = await store.listSeries();
      for (const series of all) await this.refreshOne(series);
      return { series: all.length, milliseconds: Math.round(performance.now() - started) };
    },
  };
}

export type Forecasts = ReturnType<typeof createForecasts>;
