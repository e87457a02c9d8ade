/**
 * The managers' forecast pages, read in-process: every series with its next seven days, and one series' last 60
 * days beside its stored 90-day forecast, the holidays ahead, the model and its measured accuracy, whether the
 * nightly refresh is late, and what to expect next weekend and over the next holiday — bay passengers against the
 * seats the boats scheduled at each port offer and the boats they fill at the average load, Wi-Fi sessions, museum
 * visitors per opening hour. Nothing is forecast here: the nightly job did it (insights/forecasts.ts).
 */
import type { Departure, DeparturesOfDay } from '../boats/index.js';
import {
  averageLoad,
  boatsNeeded,
  type ForecastDays,
  type HolidayId,
  holidayDescriptions,
  holidayRuns,
  nextHolidayRun,
  nextWeekend,
  openingHoursOf,
  type PeriodDemand,
  type PlanningPeriod,
  percentOf,
  periodDemand,
  type SeriesForecast,
  type SeriesInfo,
  scheduledSeatsPerDay,
} from '../insights/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { datesBetween } from '../platform/date-range.js';
import { addDays, localDateAt } from '../platform/local-time.js';

/** The actuals shown before the forecast. */
export const ACTUAL_DAYS_SHOWN = 60;
/** The nightly refresh runs once a day: a forecast older than this has missed one. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** The recent days whose departures measure the average load. */
const LOAD_DAYS = 14;

export type Bilingual = { vi: string; en: string };

export type OutlookLine =
  | {
      kind: 'boats';
      /** What the line counts: the whole bay, a port or a route. */
      scope: 'bay' | 'port' | 'route';
      name: Bilingual;
      demand: PeriodDemand;
      /** Seats a day on the departures scheduled for the scope on the period's days. */
      seatsPerDay: number;
      percentOfSeats: number | null;
      load: { passengers: number; measured: boolean } | null;
      boats: number | null;
    }
  | { kind: 'sessions'; name: Bilingual; demand: PeriodDemand }
  | {
      kind: 'museum';
      name: Bilingual;
      demand: PeriodDemand;
      /** The opening hours as curators wrote them, in both languages. */
      opening: Bilingual | null;
      openingHours: number | null;
      perOpeningHour: number | null;
    };

export interface Outlook {
  period: PlanningPeriod;
  /** For the next holiday: the holidays of the run. */
  holidays: { date: string; holiday: HolidayId; dayOff: boolean; name: Bilingual }[];
  lines: OutlookLine[];
}

export interface SeriesOverview {
  series: SeriesInfo;
  /** The forecast's sum over the next seven days from today; null when there is no forecast for them. */
  nextSevenDays: number | null;
  generatedAt: string | null;
  stale: boolean;
}

export interface ForecastDeskSources {
  forecastDays: ForecastDays;
  departuresOn: DeparturesOfDay;
  /** The museum's opening hours as curators wrote them ("8:00 – 17:00 …"), null when not set. */
  museumOpeningHours: () => Promise<Bilingual | null>;
}

const mayReadForecasts = (principal: Principal) => hasAnyRole(principal, ['manager']);
const pageTools = { sessionCookieName: STAFF_SESSION_COOKIE, mayReadForecasts };

export function createForecastDesk(sources: ForecastDeskSources, clock: () => Date = () => new Date()) {
  const { forecastDays, departuresOn } = sources;
  const isStale = (generatedAt: string | null) =>
    generatedAt === null || clock().getTime() - Date.parse(generatedAt) > STALE_AFTER_MS;

  /** The departures of the days asked, each day read once per page. */
  function departuresReader() {
    const read = new Map<string, Promise<Departure[]>>();
    return (date: string) => {
      let departures = read.get(date);
      if (!departures) {
        departures = departuresOn(date);
        read.set(date, departures);
      }
      return departures;
    };
  }

  async function boatsLine(
    scope: 'bay' | 'port' | 'route',
    name: Bilingual,
    days: SeriesForecast['days'],
    period: PlanningPeriod,
    matches: (departure: Departure) => boolean,
    departuresOf: (date: string) => Promise<Departure[]>,
    today: string,
  ): Promise<OutlookLine | null> {
    const demand = periodDemand(days, period);
    if (!demand) return null;
    const scheduled = await Promise.all(
      datesBetween(period.from, period.to).map(async (date) => (await departuresOf(date)).filter(matches)),
    );
    const recent = (
      await Promise.all(
        datesBetween(addDays(today, -LOAD_DAYS), addDays(today, -1)).map((date) => departuresOf(date)),
      )
    )
      .flat()
      .filter(matches);
    const seatsPerDay = scheduledSeatsPerDay(scheduled);
    const load = averageLoad(recent, scheduled.flat());
    return {
      kind: 'boats',
      scope,
      name,
      demand,
      seatsPerDay,
      percentOfSeats: percentOf(demand.perDay, seatsPerDay),
      load,
      boats: load ? boatsNeeded(demand.perDay, load.passengers) : null,
    };
  }

  /** The lines of a series' outlook over `period`. */
  async function linesFor(
    view: SeriesForecast,
    period: PlanningPeriod,
    allSeries: readonly SeriesInfo[],
    departuresOf: (date: string) => Promise<Departure[]>,
    today: string,
  ): Promise<OutlookLine[]> {
    const { series, days } = view;
    const [kind, part] = series.id.split(':');
    if (kind === 'bay-passengers') {
      if (part?.startsWith('route-')) {
        const routeId = Number(part.slice('route-'.length));
        const line = await boatsLine(
          'route',
          series.name,
          days,
          period,
          (d) => d.routeId === routeId,
          departuresOf,
          today,
        );
        return line ? [line] : [];
      }
      if (part?.startsWith('port-')) {
        const portId = part.slice('port-'.length);
        const line = await boatsLine(
          'port',
          series.name,
          days,
          period,
          (d) => d.portId === portId,
          departuresOf,
          today,
        );
        return line ? [line] : [];
      }
      // The whole bay, then each port from its own series' forecast.
      const ports = allSeries.filter((one) => one.id.startsWith('bay-passengers:port-'));
      const portViews = await Promise.all(
        ports.map((port) => forecastDays.between(port.id, period.from, period.to)),
      );
      const lines = await Promise.all([
        boatsLine('bay', series.name, days, period, () => true, departuresOf, today),
        ...portViews.map((portView, index) => {
          const portId = (ports[index] as SeriesInfo).id.slice('bay-passengers:port-'.length);
          return portView
            ? boatsLine(
                'port',
                portView.series.name,
                portView.days,
                period,
                (d) => d.portId === portId,
                departuresOf,
                today,
              )
            : Promise.resolve(null);
        }),
      ]);
      // The bay first, then the ports busiest first.
      const [bay, ...portLines] = lines;
      return [bay, ...portLines.sort((a, b) => (b?.demand.perDay ?? 0) - (a?.demand.perDay ?? 0))].filter(
        (line): line is OutlookLine => line !== null && line !== undefined,
      );
    }
    if (kind === 'museum-visits') {
      const demand = periodDemand(days, period, true);
      if (!demand) return [];
      const opening = await sources.museumOpeningHours();
      // The English text is the one read: the Vietnamese says the same hours in other words.
      const openingHours = opening === null ? null : openingHoursOf(opening.en);
      return [
        {
          kind: 'museum',
          name: series.name,
          demand,
          opening,
          openingHours,
          perOpeningHour: openingHours ? Math.round(demand.perDay / openingHours) : null,
        },
      ];
    }
    const demand = periodDemand(days, period);
    return demand ? [{ kind: 'sessions', name: series.name, demand }] : [];
  }

  const named = (holidays: { date: string; holiday: HolidayId; dayOff: boolean }[]) =>
    holidays.map(({ date, holiday, dayOff }) => ({
      date,
      holiday,
      dayOff,
      name: { vi: holidayDescriptions[holiday].vi, en: holidayDescriptions[holiday].en },
    }));

  return {
    // Async so that the insights domain loads with the first of these pages (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** Every series with its next seven days' forecast and how fresh that forecast is. */
    async overview(): Promise<SeriesOverview[]> {
      const today = localDateAt(clock());
      const all = await forecastDays.listSeries();
      return Promise.all(
        all.map(async (series) => {
          const view = await forecastDays.between(series.id, today, addDays(today, 6));
          const forecast = view?.days.map((day) => day.forecast) ?? [];
          const complete = forecast.length === 7 && forecast.every((value) => value !== null);
          const generatedAt = view?.forecast?.generatedAt ?? null;
          return {
            series,
            nextSevenDays: complete ? forecast.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null,
            generatedAt,
            stale: isStale(generatedAt),
          };
        }),
      );
    },

    /**
     * One series' page: the last ACTUAL_DAYS_SHOWN days and the forecast after them, the holidays ahead inside the
     * forecast, and the outlook of the next weekend and the next holiday; null when there is no such series.
     */
    async series(seriesId: string) {
      const today = localDateAt(clock());
      const first = await forecastDays.between(seriesId, today, today);
      if (!first) return null;
      const lastForecastDay = first.forecast
        ? addDays(first.forecast.start, first.forecast.days - 1)
        : addDays(today, -1);
      const to = lastForecastDay > today ? lastForecastDay : addDays(today, -1);
      const view = (await forecastDays.between(
        seriesId,
        addDays(today, -ACTUAL_DAYS_SHOWN),
        to,
      )) as SeriesForecast;
      const allSeries = await forecastDays.listSeries();
      const departuresOf = departuresReader();
      const weekend = nextWeekend(today);
      const holiday = nextHolidayRun(today, lastForecastDay);
      const outlookOf = async (
        period: PlanningPeriod,
        holidays: { date: string; holiday: HolidayId; dayOff: boolean }[],
      ) => ({
        period,
        holidays: named(holidays),
        lines: await linesFor(view, period, allSeries, departuresOf, today),
      });
      return {
        today,
        view,
        stale: isStale(view.forecast?.generatedAt ?? null),
        holidaysAhead: named(
          lastForecastDay > today ? holidayRuns(today, lastForecastDay).flatMap((run) => run.holidays) : [],
        ),
        weekend: (await outlookOf(weekend, [])) satisfies Outlook,
        holiday: holiday ? ((await outlookOf(holiday, holiday.holidays)) satisfies Outlook) : null,
      };
    },
  };
}

export type ForecastDesk = ReturnType<typeof createForecastDesk>;
export type SeriesPage = NonNullable<Awaited<ReturnType<ForecastDesk['series']>>>;
