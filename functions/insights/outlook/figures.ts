/**
 * The numbers of "what to expect" in plain words: a period's forecast a day, the seats the boats scheduled for it
 * offer, the boats that many passengers fill at the average load, and the museum's visitors per opening hour.
 * Pure arithmetic on what the caller read; the wording is the page's.
 */
import type { ForecastDay } from '../forecast-days.js';
import type { PlanningPeriod } from './periods.js';

/** A period's forecast: the mean a day, and the 80 % bounds of a day averaged over the period's days. */
export interface PeriodDemand {
  perDay: number;
  low80: number;
  high80: number;
  /** How many of the period's days the forecast covers and went into the mean. */
  days: number;
}

/**
 * The forecast a day over `period` (the days of `days` inside it that the forecast covers, and when `openDaysOnly`
 * those forecast above zero: the museum's closed Mondays are not days of a visit); null when it covers none.
 */
export function periodDemand(
  days: readonly ForecastDay[],
  period: PlanningPeriod,
  openDaysOnly = false,
): PeriodDemand | null {
  const inside = days.filter(
    (day): day is ForecastDay & { forecast: number } =>
      day.date >= period.from &&
      day.date <= period.to &&
      day.forecast !== null &&
      (!openDaysOnly || day.forecast > 0),
  );
  if (inside.length === 0) return null;
  const mean = (pick: (day: ForecastDay) => number | null) =>
    Math.round(inside.reduce((sum, day) => sum + (pick(day) ?? day.forecast), 0) / inside.length);
  return {
    perDay: mean((day) => day.forecast),
    low80: mean((day) => day.lower80),
    high80: mean((day) => day.upper80),
    days: inside.length,
  };
}

/** A departure as the boats domain stores it: enough to count its seats and its passengers. */
export interface DepartureSeats {
  capacity: number;
  sold: number;
  status: 'open' | 'cancelled' | 'suspended';
}

/** Below this many departures that carried anyone, a measured average load says more about chance than demand. */
export const MIN_DEPARTURES_FOR_LOAD = 10;

/**
 * Passengers a boat carries on average: measured over `recent` departures that carried anyone when there are
 * enough of them; otherwise the seats of the `scheduled` departures, that is full boats (`measured` false, which
 * the page says). Null when there is neither.
 */
export function averageLoad(
  recent: readonly DepartureSeats[],
  scheduled: readonly DepartureSeats[],
): { passengers: number; measured: boolean } | null {
  const carried = recent.filter((departure) => departure.status !== 'cancelled' && departure.sold > 0);
  if (carried.length >= MIN_DEPARTURES_FOR_LOAD) {
    const passengers = carried.reduce((sum, departure) => sum + departure.sold, 0) / carried.length;
    return { passengers: Math.round(passengers * 10) / 10, measured: true };
  }
  const running = scheduled.filter((departure) => departure.status !== 'cancelled');
  if (running.length === 0) return null;
  const seats = running.reduce((sum, departure) => sum + departure.capacity, 0) / running.length;
  return { passengers: Math.round(seats * 10) / 10, measured: false };
}

/** Boats (departures) needed to carry `passengers` at `load` passengers each: whole boats, rounded up. */
export function boatsNeeded(passengers: number, load: number): number {
  if (load <= 0) throw new RangeError('a boat carries at least one passenger');
  return Math.ceil(passengers / load);
}

/** The seats a day of the departures not cancelled, averaged over the period's days (`perDay` lists them). */
export function scheduledSeatsPerDay(perDay: readonly (readonly DepartureSeats[])[]): number {
  if (perDay.length === 0) return 0;
  const seats = perDay.map((departures) =>
    departures
      .filter((departure) => departure.status !== 'cancelled')
      .reduce((sum, departure) => sum + departure.capacity, 0),
  );
  return Math.round(seats.reduce((sum, value) => sum + value, 0) / perDay.length);
}

/** Demand as a share of what is offered, in per cent (rounded); null when nothing is offered. */
export function percentOf(demand: number, offered: number): number | null {
  return offered > 0 ? Math.round((100 * demand) / offered) : null;
}

/**
 * The opening hours a day from the visiting information's text ("8:00 – 17:00 (…)"): the first time range in it;
 * null when it names none. Curators write the hours as text in two languages; the English one is read.
 */
export function openingHoursOf(text: string): number | null {
  const match = /(\d{1,2})[:h.](\d{2})\s*[–—-]\s*(\d{1,2})[:h.](\d{2})/.exec(text);
  if (!match) return null;
  const [opens, closes] = [
    Number(match[1]) * 60 + Number(match[2]),
    Number(match[3]) * 60 + Number(match[4]),
  ];
  return closes > opens ? (closes - opens) / 60 : null;
}
