/**
 * Seeds the demand history the forecasts learn from (GENERATED DEMO DATA, demo-history.ts) on a new table: from
 * 2019 to yesterday, per series, built from the boats catalogue's routes and ports and the Wi-Fi registry's areas.
 * Idempotent: a table that has series already is left alone.
 */
import { addDays, localDateAt } from '../platform/local-time.js';
import { generateDemoHistory } from './demo-history.js';
import type { InsightsStore } from './store.js';

export const DEMO_HISTORY_START = '2019-01-01';

export interface DemandSeedInput {
  routes: { id: number; name: { vi: string; en: string } }[];
  ports: { id: string; name: { vi: string; en: string } }[];
  areas: { id: string; name: { vi: string; en: string }; hotspots: number }[];
}

/** How many series were written (0 when the table had them). */
export async function seedDemandHistory(
  store: InsightsStore,
  input: DemandSeedInput,
  now: Date = new Date(),
): Promise<number> {
  if ((await store.listSeries()).length > 0) return 0;
  const series = generateDemoHistory({
    start: DEMO_HISTORY_START,
    end: addDays(localDateAt(now), -1),
    ...input,
  });
  await Promise.all(
    series.map((one) =>
      store.putHistory({ id: one.id, name: one.name, unit: one.unit, demo: true }, one.start, one.values),
    ),
  );
  return series.length;
}
