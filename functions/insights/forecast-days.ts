/**
 * A series' days with its stored forecast beside the actuals, as GET /api/insights/forecasts answers and the
 * managers' forecast pages show them. Nothing is computed here: the forecast was made by the nightly job.
 */
import { addDays, localDateAt } from '../platform/local-time.js';
import type { RecordedDemand } from './forecasts.js';
import type { ForecastAccuracy } from './held-out-accuracy.js';
import type { InsightsStore, SeriesInfo } from './store.js';

/** How far back the answer completes the stored history with what the services recorded. */
const RECORDED_DAYS = 60;
const DAY_MS = 86_400_000;

export interface ForecastDay {
  date: string;
  /** What happened; null for days to come or not recorded. */
  actual: number | null;
  forecast: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

export interface SeriesForecast {
  series: SeriesInfo;
  /** Null until the first nightly run. */
  forecast: {
    generatedAt: string;
    model: string;
    start: string;
    days: number;
    accuracy: ForecastAccuracy | null;
  } | null;
  days: ForecastDay[];
}

export function createForecastDays(
  store: InsightsStore,
  recorded: RecordedDemand,
  clock: () => Date = () => new Date(),
) {
  return {
    /** Every series, by id. */
    async listSeries(): Promise<SeriesInfo[]> {
      return (await store.listSeries()).sort((a, b) => a.id.localeCompare(b.id));
    },

    /** The days from `from` to `to` (local dates, inclusive) of a series; null when there is no such series. */
    async between(seriesId: string, from: string, to: string): Promise<SeriesForecast | null> {
      const today = localDateAt(clock());
      const series = await store.getSeries(seriesId);
      if (!series) return null;
      const [history, forecast] = await Promise.all([
        store.history(seriesId, from, to),
        store.getForecast(seriesId),
      ]);
      const days = await Promise.all(
        history.map(async (stored, index) => {
          const date = addDays(from, index);
          const offset = forecast ? Math.round((Date.parse(date) - Date.parse(forecast.start)) / DAY_MS) : -1;
          const inForecast = forecast !== null && offset >= 0 && offset < forecast.mean.length;
          const pick = (values: number[] | undefined) => (inForecast ? (values?.[offset] ?? null) : null);
          // Days after the stored history are read from the services, for the recent past only.
          const recent = date < today && date >= addDays(today, -RECORDED_DAYS);
          const actual = stored ?? (recent ? await recorded(seriesId, date) : null);
          return {
            date,
            actual,
            forecast: pick(forecast?.mean),
            lower80: pick(forecast?.lower80),
            upper80: pick(forecast?.upper80),
            lower95: pick(forecast?.lower95),
            upper95: pick(forecast?.upper95),
          };
        }),
      );
      return {
        series,
        forecast: forecast && {
          generatedAt: forecast.generatedAt,
          model: forecast.model,
          start: forecast.start,
          days: forecast.mean.length,
          accuracy: forecast.accuracy ?? null,
        },
        days,
      };
    },
  };
}

export type ForecastDays = ReturnType<typeof createForecastDays>;
