/**
 * The managers' dashboard as the API answers it (and the pages render it): a period's totals beside the same
 * period a year before, broken down per route, port, company, hotspot, alert kind and exhibit, with a chart
 * series per hour (one day), per day (up to three months) or per month. Every number comes from the counters.
 */
import * as z from 'zod';
import { dateRangeQuery } from '../../platform/date-range.js';

/** The longest period asked at once: two years and a day, so a year compares with the one before it. */
export const MAX_PERIOD_DAYS = 732;

export const DashboardQuery = dateRangeQuery(MAX_PERIOD_DAYS, {
  route: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .meta({ param: { name: 'route', in: 'query' }, example: 1 }),
  port: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a port id such as tuan-chau')
    .max(60)
    .optional()
    .meta({ param: { name: 'port', in: 'query' }, example: 'tuan-chau' }),
  operator: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a company id such as demo-bay-cruises')
    .max(60)
    .optional()
    .meta({ param: { name: 'operator', in: 'query' }, example: 'demo-bay-cruises' }),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const count = z.number().int();
const Period = z.object({ from: z.iso.date(), to: z.iso.date() });

export const BoatTotals = z
  .object({
    bookings: count,
    passengers: count.meta({ description: 'Passengers of paid bookings (cancelled ones included).' }),
    counterPassengers: count.meta({ description: 'Of them, sold at the pier counter.' }),
    checkedIn: count,
    noShows: count,
    cancelled: count,
    cancelledPassengers: count,
    revenue: count.meta({ description: 'Paid, in VND, before refunds.' }),
    refunded: count.meta({ description: 'Refunded, in VND.' }),
    netRevenue: count.meta({ description: 'revenue − refunded, in VND.' }),
    departuresScheduled: count,
    departuresRun: count,
    departuresSuspended: count,
    departuresCancelled: count,
    seatsOffered: count.meta({ description: 'Certified seats of the departures that left.' }),
    seatsFilled: count.meta({ description: 'People aboard those departures when they left.' }),
    loadFactor: z
      .number()
      .nullable()
      .meta({ description: 'seatsFilled ÷ seatsOffered; null when none left.' }),
    capacityRefusals: count.meta({ description: 'Holds refused because too few seats were left.' }),
    refusedSeats: count,
  })
  .meta({ id: 'BoatTotals' });

export const SafetyTotals = z
  .object({
    raised: count,
    acknowledged: count,
    resolved: count,
    unresolved: count.meta({ description: 'Raised in the period and not resolved yet.' }),
    meanAcknowledgeMinutes: z.number().nullable(),
    meanResolveMinutes: z.number().nullable(),
    banDays: count.meta({ description: 'Days on which a weather ban covering the filter was in force.' }),
  })
  .meta({ id: 'SafetyTotals' });

export const WifiTotals = z
  .object({
    sessions: count,
    deviceDays: count.meta({ description: 'Distinct devices per day, added over the days.' }),
    averageDailyDevices: z.number(),
    endedSessions: count,
    averageDwellMinutes: z.number().nullable(),
    bytesIn: count,
    bytesOut: count,
    logins: z.object({ terms: count, code: count, booking: count }),
  })
  .meta({ id: 'WifiTotals' });

export const MuseumTotals = z
  .object({
    visits: count,
    visitsVi: count,
    visitsEn: count,
    exhibitViews: count,
    toursStarted: count,
    toursCompleted: count,
  })
  .meta({ id: 'MuseumTotals' });

const panelBase = {
  period: Period,
  comparison: Period.meta({ description: 'The same dates a year before.' }),
  resolution: z.enum(['hour', 'day', 'month']).meta({ description: 'What one point of `series` is.' }),
  demo: z.boolean().meta({ description: 'Some of the numbers are generated demo history.' }),
};

export const BoatsPanel = z
  .object({
    ...panelBase,
    totals: BoatTotals,
    previous: BoatTotals,
    byRoute: z.array(BoatTotals.extend({ routeId: count })),
    byPort: z.array(BoatTotals.extend({ portId: z.string() })),
    byOperator: z.array(BoatTotals.extend({ operatorId: z.string() })),
    series: z.array(z.object({ point: z.string(), passengers: count, checkedIn: count, netRevenue: count })),
  })
  .meta({ id: 'BoatsPanel' });

export const SafetyPanel = z
  .object({
    ...panelBase,
    totals: SafetyTotals,
    previous: SafetyTotals,
    byKind: z.array(
      z.object({
        kind: z.string(),
        raised: count,
        resolved: count,
        meanAcknowledgeMinutes: z.number().nullable(),
        meanResolveMinutes: z.number().nullable(),
      }),
    ),
    series: z.array(z.object({ point: z.string(), raised: count, resolved: count })),
  })
  .meta({ id: 'SafetyPanel' });

export const WifiPanel = z
  .object({
    ...panelBase,
    totals: WifiTotals,
    previous: WifiTotals,
    byHotspot: z.array(z.object({ hotspotId: z.string(), sessions: count, deviceDays: count })),
    series: z.array(z.object({ point: z.string(), sessions: count, devices: count })),
  })
  .meta({ id: 'WifiPanel' });

export const MuseumPanel = z
  .object({
    ...panelBase,
    totals: MuseumTotals,
    previous: MuseumTotals,
    topExhibits: z.array(
      z.object({ exhibitId: z.string(), views: count, averageDwellSeconds: z.number().nullable() }),
    ),
    series: z.array(z.object({ point: z.string(), visits: count, toursCompleted: count })),
  })
  .meta({ id: 'MuseumPanel' });

export const DashboardSummary = z
  .object({
    period: Period,
    comparison: Period,
    filters: z.object({
      route: count.nullable(),
      port: z.string().nullable(),
      operator: z.string().nullable(),
    }),
    demo: z.boolean(),
    boats: z.object({ totals: BoatTotals, previous: BoatTotals }),
    safety: z.object({ totals: SafetyTotals, previous: SafetyTotals }),
    wifi: z.object({ totals: WifiTotals, previous: WifiTotals }),
    museum: z.object({ totals: MuseumTotals, previous: MuseumTotals }),
  })
  .meta({ id: 'DashboardSummary' });

export type BoatTotals = z.infer<typeof BoatTotals>;
export type SafetyTotals = z.infer<typeof SafetyTotals>;
export type WifiTotals = z.infer<typeof WifiTotals>;
export type MuseumTotals = z.infer<typeof MuseumTotals>;
export type BoatsPanel = z.infer<typeof BoatsPanel>;
export type SafetyPanel = z.infer<typeof SafetyPanel>;
export type WifiPanel = z.infer<typeof WifiPanel>;
export type MuseumPanel = z.infer<typeof MuseumPanel>;
export type DashboardSummary = z.infer<typeof DashboardSummary>;
