// The forecast desk over fakes of its sources: the outlook per port for the bay, seats and boats from the
// departures, the museum per opening hour, the holidays ahead, and a forecast a day late said to be stale.
import { describe, expect, it } from 'vitest';
import type { Departure } from '../../../functions/boats/index.js';
import type {
  ForecastDay,
  ForecastDays,
  SeriesForecast,
  SeriesInfo,
} from '../../../functions/insights/index.js';
import { datesBetween } from '../../../functions/platform/date-range.js';
import { addDays } from '../../../functions/platform/local-time.js';
import { createForecastDesk } from '../../../functions/site/forecast-desk.js';

const TODAY = '2026-12-07'; // a Monday; the next weekend is 12–13 December
const NOW = new Date('2026-12-07T03:00:00Z'); // 10:00 in Hạ Long
const series = (id: string, en: string, unit: SeriesInfo['unit'] = 'passengers'): SeriesInfo => ({
  id,
  name: { vi: en, en },
  unit,
  demo: true,
});
const ALL = [
  series('bay-passengers', 'Bay passengers'),
  series('bay-passengers:port-hon-gai', 'Hòn Gai'),
  series('bay-passengers:port-tuan-chau', 'Tuần Châu'),
  series('museum-visits', 'Museum visits', 'visits'),
];
/** Every series forecasts `level` a day (the museum nothing on Mondays), from today for 90 days. */
const LEVELS: Record<string, number> = {
  'bay-passengers': 1000,
  'bay-passengers:port-tuan-chau': 700,
  'bay-passengers:port-hon-gai': 300,
  'museum-visits': 180,
};

function fakeForecastDays(generatedAt: string): ForecastDays {
  return {
    async listSeries() {
      return ALL;
    },
    async between(id: string, from: string, to: string): Promise<SeriesForecast | null> {
      const info = ALL.find((one) => one.id === id);
      if (!info) return null;
      const end = addDays(TODAY, 89);
      const days: ForecastDay[] = datesBetween(from, to).map((date) => {
        const closed = id === 'museum-visits' && new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
        const value = closed ? 0 : (LEVELS[id] as number);
        const ahead = date >= TODAY && date <= end;
        return {
          date,
          actual: date < TODAY ? value : null,
          forecast: ahead ? value : null,
          lower80: ahead ? value * 0.8 : null,
          upper80: ahead ? value * 1.2 : null,
          lower95: ahead ? value * 0.7 : null,
          upper95: ahead ? value * 1.3 : null,
        };
      });
      return {
        series: info,
        forecast: { generatedAt, model: 'test model', start: TODAY, days: 90, accuracy: null },
        days,
      };
    },
  };
}

const departure = (portId: string, routeId: number, capacity: number, sold = 0): Departure =>
  ({ portId, routeId, capacity, sold, status: 'open' }) as Departure;

function desk(generatedAt = NOW.toISOString()) {
  return createForecastDesk(
    {
      forecastDays: fakeForecastDays(generatedAt),
      // Every day: two 50-seat boats at Tuần Châu, one 40-seat boat at Hòn Gai; nobody carried yet.
      departuresOn: async () => [
        departure('tuan-chau', 1, 50),
        departure('tuan-chau', 2, 50),
        departure('hon-gai', 6, 40),
      ],
      museumOpeningHours: async () => ({
        vi: '8:00 – 17:00',
        en: '8:00 – 17:00 (a lunch break in some sources)',
      }),
    },
    () => NOW,
  );
}

describe('the forecast desk', () => {
  it('says what to expect next weekend at each port: passengers, share of the seats scheduled, boats', async () => {
    const page = await desk().series('bay-passengers');
    expect(page?.weekend.period).toEqual({ from: '2026-12-12', to: '2026-12-13' });
    // The bay, then the ports busiest first.
    const [bay, tuanChau, honGai] = page?.weekend.lines ?? [];
    expect(bay).toMatchObject({ scope: 'bay', seatsPerDay: 140, percentOfSeats: 714 });
    expect(tuanChau).toMatchObject({
      kind: 'boats',
      scope: 'port',
      name: { en: 'Tuần Châu' },
      demand: { perDay: 700, low80: 560, high80: 840, days: 2 },
      seatsPerDay: 100,
      percentOfSeats: 700,
      load: { passengers: 50, measured: false },
      boats: 14,
    });
    expect(honGai).toMatchObject({ seatsPerDay: 40, percentOfSeats: 750, boats: 8 });
  });

  it('takes the next holiday from the computed calendar and lists every holiday ahead, Tết included', async () => {
    const page = await desk().series('bay-passengers:port-tuan-chau');
    expect(page?.holiday?.period).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
    expect(page?.holiday?.holidays.map((holiday) => holiday.name.en)).toEqual(["New Year's Day"]);
    expect(page?.holidaysAhead.map((holiday) => holiday.holiday)).toContain('tet-1');
    expect(page?.view.days).toHaveLength(60 + 90);
    expect(page?.stale).toBe(false);
  });

  it('gives the museum’s visitors per opening hour on the days it opens', async () => {
    const page = await desk().series('museum-visits');
    expect(page?.weekend.lines[0]).toMatchObject({ kind: 'museum', openingHours: 9, perOpeningHour: 20 });
  });

  it('calls a forecast made more than a day ago stale, and lists it so', async () => {
    const late = desk(new Date(NOW.getTime() - 25 * 3600_000).toISOString());
    expect((await late.series('bay-passengers'))?.stale).toBe(true);
    const overview = await late.overview();
    expect(overview.every((row) => row.stale)).toBe(true);
    expect(overview.find((row) => row.series.id === 'bay-passengers')?.nextSevenDays).toBe(7000);
  });

  it('knows no series it was not given', async () => {
    expect(await desk().series('no-such-series')).toBeNull();
  });
});
