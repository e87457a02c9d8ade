/**
 * The managers' dashboard read from the counters (rollups/): a period and the same period a year before, each a
 * handful of Queries whatever the history behind it (period.ts), added up here. No raw record is read.
 */
import { localDateAt } from '../../platform/local-time.js';
import type { ReadCache } from '../../platform/read-cache.js';
import type { RollupDomain } from '../rollups/model.js';
import type { RollupStore, StoredCounter } from '../rollups/store.js';
import type {
  BoatsPanel,
  BoatTotals,
  DashboardQuery,
  DashboardSummary,
  MuseumPanel,
  MuseumTotals,
  SafetyPanel,
  SafetyTotals,
  WifiPanel,
  WifiTotals,
} from './model.js';
import { dayCount, planPeriod, yearBefore } from './period.js';

type Measures = Record<string, number>;

interface Reading {
  /** The counters of the period, each with the chart point it belongs to. */
  counters: (StoredCounter & { point: string })[];
  resolution: 'hour' | 'day' | 'month';
  demo: boolean;
}

const HOURLY: readonly RollupDomain[] = ['BOATS', 'ALERTS', 'WIFI'];
const round1 = (value: number) => Math.round(value * 10) / 10;

function add(into: Measures, measures: Measures): Measures {
  for (const [name, value] of Object.entries(measures)) into[name] = (into[name] ?? 0) + value;
  return into;
}

const sum = (counters: readonly { measures: Measures }[]) =>
  counters.reduce<Measures>((total, counter) => add(total, counter.measures), {});

function groupBy<Key, Counter extends StoredCounter>(
  counters: readonly Counter[],
  keyOf: (counter: Counter) => Key,
): Map<Key, Measures> {
  const groups = new Map<Key, Measures>();
  for (const counter of counters) {
    const key = keyOf(counter);
    groups.set(key, add(groups.get(key) ?? {}, counter.measures));
  }
  return groups;
}

function boatTotals(measures: Measures): BoatTotals {
  const n = (name: string) => measures[name] ?? 0;
  return {
    bookings: n('bookings'),
    passengers: n('passengers'),
    counterPassengers: n('counterPassengers'),
    checkedIn: n('checkedIn'),
    noShows: n('noShows'),
    cancelled: n('cancelled'),
    cancelledPassengers: n('cancelledPassengers'),
    revenue: n('revenue'),
    refunded: n('refunded'),
    netRevenue: n('revenue') - n('refunded'),
    departuresScheduled: n('departuresScheduled'),
    departuresRun: n('departuresRun'),
    departuresSuspended: n('departuresSuspended'),
    departuresCancelled: n('departuresCancelled'),
    seatsOffered: n('seatsOffered'),
    seatsFilled: n('seatsFilled'),
    loadFactor:
      n('seatsOffered') > 0 ? Math.round((n('seatsFilled') / n('seatsOffered')) * 1000) / 1000 : null,
    capacityRefusals: n('capacityRefusals'),
    refusedSeats: n('refusedSeats'),
  };
}

function alertTotals(measures: Measures, banDays: number): SafetyTotals {
  const n = (name: string) => measures[name] ?? 0;
  return {
    raised: n('raised'),
    acknowledged: n('acknowledged'),
    resolved: n('resolved'),
    unresolved: Math.max(0, n('raised') - n('resolved')),
    meanAcknowledgeMinutes:
      n('acknowledged') > 0 ? round1(n('acknowledgeSeconds') / n('acknowledged') / 60) : null,
    meanResolveMinutes: n('resolved') > 0 ? round1(n('resolveSeconds') / n('resolved') / 60) : null,
    banDays,
  };
}

function wifiTotals(measures: Measures, days: number): WifiTotals {
  const n = (name: string) => measures[name] ?? 0;
  return {
    sessions: n('sessions'),
    deviceDays: n('devices'),
    averageDailyDevices: days > 0 ? round1(n('devices') / days) : 0,
    endedSessions: n('endedSessions'),
    averageDwellMinutes: n('endedSessions') > 0 ? round1(n('dwellSeconds') / n('endedSessions') / 60) : null,
    bytesIn: n('bytesIn'),
    bytesOut: n('bytesOut'),
    logins: { terms: n('loginsTerms'), code: n('loginsCode'), booking: n('loginsBooking') },
  };
}

function museumTotals(measures: Measures): MuseumTotals {
  const n = (name: string) => measures[name] ?? 0;
  return {
    visits: n('visits'),
    visitsVi: n('visitsVi'),
    visitsEn: n('visitsEn'),
    exhibitViews: n('exhibitViews'),
    toursStarted: n('toursStarted'),
    toursCompleted: n('toursCompleted'),
  };
}

/** Measures named `<name>.<id>` (one counter's per-hotspot or per-exhibit figures), per id. */
function perId(measures: Measures, name: string): Map<string, number> {
  const values = new Map<string, number>();
  const prefix = `${name}.`;
  for (const [measure, value] of Object.entries(measures)) {
    if (measure.startsWith(prefix)) values.set(measure.slice(prefix.length), value);
  }
  return values;
}

/**
 * `cache`: counters of buckets that ended before today change only by a late record, so they are kept a minute
 * (the answers' own `max-age`); a read that reaches today always goes to the table. Twenty managers opening the
 * same morning's dashboard then cost the table one read of last year, not twenty.
 */
export function createDashboard(
  counters: RollupStore,
  options: { cache?: ReadCache; clock?: () => Date } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const store: Pick<RollupStore, 'read'> = {
    read(domain, group, granularity, from, to) {
      const cache = options.cache;
      const today = localDateAt(clock());
      // A bucket's first day: a month's bucket ends before today only if the month is before this one.
      const past = granularity === 'MONTH' ? to < today.slice(0, 7) : to.slice(0, 10) < today;
      if (!cache || !past) return counters.read(domain, group, granularity, from, to);
      return cache.read('insights-counters', [domain, group, granularity, from, to].join('|'), () =>
        counters.read(domain, group, granularity, from, to),
      );
    },
  };

  async function read(
    domain: RollupDomain,
    group: string,
    from: string,
    to: string,
    options: { hours?: boolean } = {},
  ): Promise<Reading> {
    if (from === to && options.hours !== false && HOURLY.includes(domain)) {
      const [hours, day] = await Promise.all([
        store.read(domain, group, 'HOUR', `${from}T00`, `${from}T23`),
        store.read(domain, group, 'DAY', from, to),
      ]);
      // The day's totals from its DAY counters (some measures have no hour); the chart from its hours.
      return {
        counters: [
          ...day.map((counter) => ({ ...counter, point: '' })),
          ...hours.map((counter) => ({ ...counter, point: counter.key.bucket.slice(11, 13) })),
        ],
        resolution: 'hour',
        demo: [...day, ...hours].some((counter) => counter.demo),
      };
    }
    const plan = planPeriod(from, to);
    const pages = await Promise.all([
      ...plan.dayRanges.map((range) => store.read(domain, group, 'DAY', range.from, range.to)),
      ...(plan.months ? [store.read(domain, group, 'MONTH', plan.months.from, plan.months.to)] : []),
    ]);
    const counters = pages.flat().map((counter) => ({
      ...counter,
      point: plan.resolution === 'day' ? counter.key.bucket : counter.key.bucket.slice(0, 7),
    }));
    return { counters, resolution: plan.resolution, demo: counters.some((counter) => counter.demo) };
  }

  /** The totals of a reading: for an hourly reading, its day counters (the hours are the chart). */
  const totalsOf = (reading: Reading) =>
    reading.resolution === 'hour'
      ? reading.counters.filter((counter) => counter.point === '')
      : reading.counters;
  const chartOf = (reading: Reading) =>
    reading.resolution === 'hour'
      ? reading.counters.filter((counter) => counter.point !== '')
      : reading.counters;

  const boatsMatch = (query: DashboardQuery) => (counter: StoredCounter) => {
    const [route, port, operator] = counter.key.scope.split('|');
    return (
      (query.route === undefined || Number(route) === query.route) &&
      (query.port === undefined || port === query.port) &&
      (query.operator === undefined || operator === query.operator)
    );
  };
  const alertsMatch = (query: DashboardQuery) => (counter: StoredCounter) =>
    query.operator === undefined || counter.key.scope.split('|')[1] === query.operator;
  const bansMatch = (query: DashboardQuery) => (counter: StoredCounter) => {
    const scope = counter.key.scope;
    if (scope === 'all') return true;
    if (scope.startsWith('port:')) return query.port === undefined || scope === `port:${query.port}`;
    if (scope.startsWith('route:')) return query.route === undefined || scope === `route:${query.route}`;
    return false;
  };

  const filtered = (query: DashboardQuery) =>
    query.route !== undefined || query.port !== undefined || query.operator !== undefined;

  /**
   * The boats of a period: without a filter, from the all-boats counters (and, for the panel, the per-route,
   * per-port and per-company ones); with one, from the route|port|company mixes it matches.
   */
  async function boats(query: DashboardQuery, from: string, to: string, breakdowns = false) {
    if (filtered(query)) {
      const reading = await read('BOATS', 'MIX', from, to);
      const match = boatsMatch(query);
      const counters = totalsOf(reading).filter(match);
      const part = (index: number) => (counter: StoredCounter) =>
        counter.key.scope.split('|')[index] as string;
      return {
        reading,
        counters,
        chart: chartOf(reading).filter(match),
        byRoute: groupBy(counters, part(0)),
        byPort: groupBy(counters, part(1)),
        byOperator: groupBy(counters, part(2)),
      };
    }
    const [reading, routes, ports, operators] = await Promise.all([
      read('BOATS', 'ALL', from, to),
      ...(['ROUTE', 'PORT', 'OPERATOR'] as const).map((group) =>
        breakdowns ? read('BOATS', group, from, to, { hours: false }) : Promise.resolve(null),
      ),
    ]);
    const byScope = (breakdown: Reading | null) =>
      groupBy(breakdown?.counters ?? [], (counter) =>
        counter.key.scope.slice(counter.key.scope.indexOf(':') + 1),
      );
    return {
      reading,
      counters: totalsOf(reading),
      chart: chartOf(reading),
      byRoute: byScope(routes as Reading | null),
      byPort: byScope(ports as Reading | null),
      byOperator: byScope(operators as Reading | null),
    };
  }

  async function safety(query: DashboardQuery, from: string, to: string) {
    const [alerts, bans] = await Promise.all([
      read('ALERTS', 'ALL', from, to),
      // Ban days are counted day by day over the whole period: bans are few, so their counters are too.
      store.read('BANS', 'ALL', 'DAY', from, to),
    ]);
    const match = alertsMatch(query);
    const banDays = new Set(
      bans
        .filter(bansMatch(query))
        .filter((counter) => (counter.measures.banDays ?? 0) > 0)
        .map((counter) => counter.key.bucket),
    ).size;
    return {
      alerts,
      counters: totalsOf(alerts).filter(match),
      chart: chartOf(alerts).filter(match),
      banDays,
      demo: alerts.demo || bans.some((counter) => counter.demo),
    };
  }

  /** The city's Wi-Fi, and for the panel each hotspot's (one item a day for all of them). */
  async function wifi(from: string, to: string, hotspots = false) {
    const [reading, perHotspot] = await Promise.all([
      read('WIFI', 'CITY', from, to),
      hotspots ? read('WIFI', 'HOTSPOTS', from, to, { hours: false }) : Promise.resolve(null),
    ]);
    return {
      reading,
      city: totalsOf(reading),
      hotspots: perHotspot?.counters ?? [],
      chart: chartOf(reading),
      demo: reading.demo || (perHotspot?.demo ?? false),
    };
  }

  /** The museum's days, and for the panel its exhibits' views. */
  async function museum(from: string, to: string, exhibits = false) {
    const [reading, perExhibit] = await Promise.all([
      read('MUSEUM', 'VISITS', from, to),
      exhibits ? read('MUSEUM', 'EXHIBITS', from, to) : Promise.resolve(null),
    ]);
    return {
      reading,
      day: reading.counters,
      exhibits: perExhibit?.counters ?? [],
      demo: reading.demo || (perExhibit?.demo ?? false),
    };
  }

  const periods = (query: DashboardQuery) => ({
    period: { from: query.from, to: query.to },
    comparison: { from: yearBefore(query.from), to: yearBefore(query.to) },
  });

  function series<Point extends { point: string }>(
    chart: readonly (StoredCounter & { point: string })[],
    make: (point: string, measures: Measures) => Point,
  ): Point[] {
    return [...groupBy(chart, (counter) => counter.point)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([point, measures]) => make(point, measures));
  }

  return {
    async boatsPanel(query: DashboardQuery): Promise<BoatsPanel> {
      const { period, comparison } = periods(query);
      const [now, before] = await Promise.all([
        boats(query, period.from, period.to, true),
        boats(query, comparison.from, comparison.to),
      ]);
      const byPassengers = <Row extends BoatTotals>(rows: Row[]) =>
        rows.sort((a, b) => b.passengers - a.passengers || b.departuresScheduled - a.departuresScheduled);
      return {
        period,
        comparison,
        resolution: now.reading.resolution,
        demo: now.reading.demo || before.reading.demo,
        totals: boatTotals(sum(now.counters)),
        previous: boatTotals(sum(before.counters)),
        byRoute: byPassengers(
          [...now.byRoute].map(([routeId, measures]) => ({
            routeId: Number(routeId),
            ...boatTotals(measures),
          })),
        ),
        byPort: byPassengers(
          [...now.byPort].map(([portId, measures]) => ({
            portId,
            ...boatTotals(measures),
          })),
        ),
        byOperator: byPassengers(
          [...now.byOperator].map(([operatorId, measures]) => ({
            operatorId,
            ...boatTotals(measures),
          })),
        ),
        series: series(now.chart, (point, measures) => ({
          point,
          passengers: measures.passengers ?? 0,
          checkedIn: measures.checkedIn ?? 0,
          netRevenue: (measures.revenue ?? 0) - (measures.refunded ?? 0),
        })),
      };
    },

    async safetyPanel(query: DashboardQuery): Promise<SafetyPanel> {
      const { period, comparison } = periods(query);
      const [now, before] = await Promise.all([
        safety(query, period.from, period.to),
        safety(query, comparison.from, comparison.to),
      ]);
      return {
        period,
        comparison,
        resolution: now.alerts.resolution,
        demo: now.demo || before.demo,
        totals: alertTotals(sum(now.counters), now.banDays),
        previous: alertTotals(sum(before.counters), before.banDays),
        byKind: [...groupBy(now.counters, (counter) => counter.key.scope.split('|')[0] as string)]
          .map(([kind, measures]) => {
            const totals = alertTotals(measures, 0);
            return {
              kind,
              raised: totals.raised,
              resolved: totals.resolved,
              meanAcknowledgeMinutes: totals.meanAcknowledgeMinutes,
              meanResolveMinutes: totals.meanResolveMinutes,
            };
          })
          .sort((a, b) => b.raised - a.raised || a.kind.localeCompare(b.kind)),
        series: series(now.chart, (point, measures) => ({
          point,
          raised: measures.raised ?? 0,
          resolved: measures.resolved ?? 0,
        })),
      };
    },

    async wifiPanel(query: DashboardQuery): Promise<WifiPanel> {
      const { period, comparison } = periods(query);
      const [now, before] = await Promise.all([
        wifi(period.from, period.to, true),
        wifi(comparison.from, comparison.to),
      ]);
      const hotspots = sum(now.hotspots);
      const sessions = perId(hotspots, 'sessions');
      const devices = perId(hotspots, 'devices');
      return {
        period,
        comparison,
        resolution: now.reading.resolution,
        demo: now.demo || before.demo,
        totals: wifiTotals(sum(now.city), dayCount(period.from, period.to)),
        previous: wifiTotals(sum(before.city), dayCount(comparison.from, comparison.to)),
        byHotspot: [...new Set([...sessions.keys(), ...devices.keys()])]
          .map((hotspotId) => ({
            hotspotId,
            sessions: sessions.get(hotspotId) ?? 0,
            deviceDays: devices.get(hotspotId) ?? 0,
          }))
          .sort((a, b) => b.sessions - a.sessions || a.hotspotId.localeCompare(b.hotspotId)),
        series: series(now.chart, (point, measures) => ({
          point,
          sessions: measures.sessions ?? 0,
          devices: measures.devices ?? 0,
        })),
      };
    },

    async museumPanel(query: DashboardQuery): Promise<MuseumPanel> {
      const { period, comparison } = periods(query);
      const [now, before] = await Promise.all([
        museum(period.from, period.to, true),
        museum(comparison.from, comparison.to),
      ]);
      const exhibits = sum(now.exhibits);
      const views = perId(exhibits, 'views');
      const dwell = perId(exhibits, 'dwellSeconds');
      return {
        period,
        comparison,
        resolution: now.reading.resolution,
        demo: now.demo || before.demo,
        totals: museumTotals(sum(now.day)),
        previous: museumTotals(sum(before.day)),
        topExhibits: [...views]
          .map(([exhibitId, count]) => ({
            exhibitId,
            views: count,
            averageDwellSeconds: count > 0 ? round1((dwell.get(exhibitId) ?? 0) / count) : null,
          }))
          .sort((a, b) => b.views - a.views || a.exhibitId.localeCompare(b.exhibitId))
          .slice(0, 10),
        series: series(now.day, (point, measures) => ({
          point,
          visits: measures.visits ?? 0,
          toursCompleted: measures.toursCompleted ?? 0,
        })),
      };
    },

    async summary(query: DashboardQuery): Promise<DashboardSummary> {
      const { period, comparison } = periods(query);
      const [boatsNow, boatsBefore, safetyNow, safetyBefore, wifiNow, wifiBefore, museumNow, museumBefore] =
        await Promise.all([
          boats(query, period.from, period.to),
          boats(query, comparison.from, comparison.to),
          safety(query, period.from, period.to),
          safety(query, comparison.from, comparison.to),
          wifi(period.from, period.to),
          wifi(comparison.from, comparison.to),
          museum(period.from, period.to),
          museum(comparison.from, comparison.to),
        ]);
      return {
        period,
        comparison,
        filters: { route: query.route ?? null, port: query.port ?? null, operator: query.operator ?? null },
        demo:
          [
            boatsNow.reading,
            boatsBefore.reading,
            wifiNow.reading,
            wifiBefore.reading,
            museumNow.reading,
            museumBefore.reading,
          ].some((reading) => reading.demo) ||
          safetyNow.demo ||
          safetyBefore.demo,
        boats: {
          totals: boatTotals(sum(boatsNow.counters)),
          previous: boatTotals(sum(boatsBefore.counters)),
        },
        safety: {
          totals: alertTotals(sum(safetyNow.counters), safetyNow.banDays),
          previous: alertTotals(sum(safetyBefore.counters), safetyBefore.banDays),
        },
        wifi: {
          totals: wifiTotals(sum(wifiNow.city), dayCount(period.from, period.to)),
          previous: wifiTotals(sum(wifiBefore.city), dayCount(comparison.from, comparison.to)),
        },
        museum: { totals: museumTotals(sum(museumNow.day)), previous: museumTotals(sum(museumBefore.day)) },
      };
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
