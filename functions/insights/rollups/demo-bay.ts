/**
 * The bay's demo counters (GENERATED DEMO DATA, demo-counters.ts says from what): passengers per trade, their
 * bookings, check-ins, cancellations and revenue, the departures and seats that carried them, weather bans and
 * safety alerts.
 */
import { seededUniform } from '../../platform/seeded-random.js';
import { DEMO_STORM_DAYS } from '../demo-history.js';
import { apportion, between } from './demo-shares.js';
import type { Contribution } from './model.js';
import { alertScope, boatScope } from './model.js';

/** A route sold from a port by a company: one BOATS scope of the demo. */
export interface DemoTrade {
  routeId: number;
  portId: string;
  operatorId: string;
  /** Seats of the boat (or the mean of the boats) it sails. */
  seatsPerTrip: number;
  /** Its share among the companies selling the route from the port (seats a week, say). */
  weight: number;
  /** What a passenger pays on average on that day (fare and sightseeing fee, over the passenger mix). */
  averagePriceOn: (date: string) => number;
}

export interface BayDemoInput {
  dates: readonly string[];
  routeIds: readonly number[];
  portIds: readonly string[];
  /** Passengers a day per route and per port (the forecasts' demo series), in the order of the ids. */
  routeSeries: readonly (readonly number[])[];
  portSeries: readonly (readonly number[])[];
  trades: readonly DemoTrade[];
}

const SEED = 22_006;
/** Invented rates (demo). */
const PARTY_SIZE = { least: 2.2, most: 3.2 };
const COUNTER_SHARE = { least: 0.3, most: 0.45 };
const CANCELLED_SHARE = { least: 0.015, most: 0.04 };
/** Cancelled a day or more ahead: all refunded; later: half (assets/seed/cancellation-policy.json). */
const CANCELLED_EARLY_SHARE = 0.7;
const CHECKED_IN_SHARE = { least: 0.9, most: 0.95 };
const LOAD_FACTOR = { least: 0.72, most: 0.9 };
/** A day above this quantile of its trade's passengers is a peak day: boats full, holds refused. */
const PEAK_QUANTILE = 0.9;
const ALERTS_PER_WEEK = 5;
const ALERT_KINDS: readonly [string, number][] = [
  ['signal-lost', 0.34],
  ['stopped', 0.2],
  ['off-route', 0.15],
  ['overspeed', 0.12],
  ['out-of-area', 0.08],
  ['departed-without-clearance', 0.06],
  ['overcapacity', 0.03],
  ['sos', 0.02],
];
/** Part-day weather bans on one route or port a month, in the typhoon season (June–October) and out of it. */
const PART_DAY_BANS_PER_MONTH = { season: 1.6, otherwise: 0.6 };

/**
 * A day's route passengers over the ports: each route only from its trades' ports, fitted (iterative proportional
 * fitting) so the ports' totals come close to the ports' series; each route's split is whole and exact.
 */
function routesOverPorts(
  routeTotals: readonly number[],
  portTotals: readonly number[],
  allowed: readonly (readonly boolean[])[],
): number[][] {
  const cells: number[][] = allowed.map((row) => row.map((on) => (on ? 1 : 0)));
  for (let round = 0; round < 20; round += 1) {
    cells.forEach((row, route) => {
      const sum = row.reduce((a, b) => a + b, 0);
      if (sum === 0) return;
      row.forEach((value, port) => {
        row[port] = (value * (routeTotals[route] as number)) / sum;
      });
    });
    portTotals.forEach((target, port) => {
      const sum = cells.reduce((total, row) => total + (row[port] as number), 0);
      // A port with no passengers that day keeps a little weight: a route sold only there keeps its passengers.
      if (sum > 0) for (const row of cells) row[port] = ((row[port] as number) * Math.max(target, 1)) / sum;
    });
  }
  return cells.map((row, route) => apportion(routeTotals[route] as number, row));
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** What the bay's demo year adds to the BOATS, BANS and ALERTS counters. */
export function bayDemoContributions(input: BayDemoInput): Contribution[] {
  const { dates, routeIds, portIds, routeSeries, portSeries, trades } = input;
  const storm = (date: string) => DEMO_STORM_DAYS.some(([first, last]) => date >= first && date <= last);
  const contributions: Contribution[] = [];
  const random = seededUniform(SEED);

  // Bay passengers per trade and day.
  const allowed = routeIds.map((routeId) =>
    portIds.map((portId) => trades.some((trade) => trade.routeId === routeId && trade.portId === portId)),
  );
  const tradePassengers = trades.map(() => [] as number[]);
  dates.forEach((_, day) => {
    const cells = routesOverPorts(
      routeSeries.map((series) => series[day] ?? 0),
      portSeries.map((series) => series[day] ?? 0),
      allowed,
    );
    routeIds.forEach((routeId, route) => {
      portIds.forEach((portId, port) => {
        const sellers = trades
          .map((trade, index) => ({ trade, index }))
          .filter(({ trade }) => trade.routeId === routeId && trade.portId === portId);
        const parts = apportion(
          cells[route]?.[port] ?? 0,
          sellers.map(({ trade }) => trade.weight),
        );
        sellers.forEach(({ index }, seller) => {
          tradePassengers[index]?.push(parts[seller] as number);
        });
      });
    });
  });

  trades.forEach((trade, index) => {
    const passengersByDay = tradePassengers[index] as number[];
    const peak = quantile(passengersByDay, PEAK_QUANTILE);
    const usualTrips = Math.max(1, Math.round(quantile(passengersByDay, 0.5) / (trade.seatsPerTrip * 0.8)));
    const scope = boatScope(trade.routeId, trade.portId, trade.operatorId);
    dates.forEach((date, day) => {
      const passengers = passengersByDay[day] as number;
      const measures: Record<string, number> = {};
      if (storm(date)) {
        // Nothing sailed: the day's usual departures were scheduled, then suspended under the ban.
        measures.departuresScheduled = usualTrips;
        measures.departuresSuspended = usualTrips;
      } else if (passengers > 0) {
        const cancelledPassengers = Math.round(passengers * between(random, CANCELLED_SHARE));
        const travelling = passengers - cancelledPassengers;
        const checkedIn = Math.min(travelling, Math.round(passengers * between(random, CHECKED_IN_SHARE)));
        const bookings = Math.max(1, Math.round(passengers / between(random, PARTY_SIZE)));
        const cancelled = Math.min(bookings, Math.round(cancelledPassengers / 2.6));
        const price = trade.averagePriceOn(date);
        const cancelledRevenue = cancelledPassengers * price;
        const peakDay = passengers > peak;
        const load = peakDay ? 1 : between(random, LOAD_FACTOR);
        const trips = Math.max(1, Math.ceil(checkedIn / (trade.seatsPerTrip * load)));
        const refusedSeats = peakDay ? Math.round((passengers - peak) * 0.15) : 0;
        Object.assign(measures, {
          bookings,
          passengers,
          counterPassengers: Math.round(passengers * between(random, COUNTER_SHARE)),
          revenue: passengers * price,
          cancelled,
          cancelledPassengers,
          refunded: Math.round(
            cancelledRevenue * (CANCELLED_EARLY_SHARE + (1 - CANCELLED_EARLY_SHARE) * 0.5),
          ),
          checkedIn,
          noShows: travelling - checkedIn,
          departuresScheduled: trips,
          departuresRun: trips,
          seatsOffered: trips * trade.seatsPerTrip,
          seatsFilled: checkedIn,
          capacityRefusals: Math.ceil(refusedSeats / 2.6),
          refusedSeats,
        });
        // Now and then a company cancels a trip it could not fill.
        if (random() < 0.04) measures.departuresCancelled = 1;
      }
      contributions.push({ domain: 'BOATS', scope, date, hour: null, measures });
    });
  });

  // Weather bans: the whole bay on storm days; now and then part of a day on one route or port.
  const banScopes = [
    ...routeIds.filter((id) => id >= 3).map((id) => `route:${id}`),
    ...portIds.filter((_, port) => port > 0).map((id) => `port:${id}`),
  ];
  for (const date of dates) {
    if (storm(date)) {
      contributions.push({ domain: 'BANS', scope: 'all', date, hour: null, measures: { banDays: 1 } });
      continue;
    }
    const month = Number(date.slice(5, 7));
    const perMonth =
      month >= 6 && month <= 10 ? PART_DAY_BANS_PER_MONTH.season : PART_DAY_BANS_PER_MONTH.otherwise;
    if (random() < perMonth / 30) {
      const scope = banScopes[Math.floor(random() * banScopes.length)] as string;
      contributions.push({ domain: 'BANS', scope, date, hour: null, measures: { banDays: 1 } });
      // Departures after the ban came in were suspended (the morning's had sailed).
      for (const trade of trades) {
        if (scope !== `route:${trade.routeId}` && scope !== `port:${trade.portId}`) continue;
        contributions.push({
          domain: 'BOATS',
          scope: boatScope(trade.routeId, trade.portId, trade.operatorId),
          date,
          hour: null,
          measures: { departuresScheduled: 1, departuresSuspended: 1 },
        });
      }
    }
  }

  // Safety alerts, a handful a week on days boats sailed, for the companies by their passengers.
  const operatorIds = [...new Set(trades.map((trade) => trade.operatorId))];
  dates.forEach((date, day) => {
    const sailing = operatorIds.map((operatorId) =>
      trades.reduce(
        (sum, trade, index) =>
          sum + (trade.operatorId === operatorId ? (tradePassengers[index]?.[day] as number) : 0),
        0,
      ),
    );
    const total = sailing.reduce((a, b) => a + b, 0);
    if (total === 0) return;
    for (let chance = random(); chance < ALERTS_PER_WEEK / 7; chance += 1) {
      const kind = pick(random(), ALERT_KINDS);
      const operatorId = pick(
        random(),
        operatorIds.map((id, index) => [id, (sailing[index] as number) / total] as [string, number]),
      );
      const urgent = kind === 'sos' || kind === 'overcapacity';
      const acknowledgeSeconds = Math.round((urgent ? 20 : 60) * Math.exp(random() * 2));
      const measures: Record<string, number> = { raised: 1, acknowledged: 1, acknowledgeSeconds };
      if (random() < 0.96) {
        measures.resolved = 1;
        measures.resolveSeconds = acknowledgeSeconds + Math.round(300 * Math.exp(random() * 2.5));
      }
      contributions.push({
        domain: 'ALERTS',
        scope: alertScope(kind, operatorId),
        date,
        hour: null,
        measures,
      });
    }
  });

  return contributions;
}

function pick<T>(chance: number, weighted: readonly (readonly [T, number])[]): T {
  let left = chance * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) {
    left -= weight;
    if (left < 0) return value;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}
