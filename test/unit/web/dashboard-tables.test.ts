// The dashboard's tables, shared by the page and its CSV files: shown text per language beside plain values, the
// change from a year before, names for ids (and ids no longer listed), and what a chart draws.
import { describe, expect, it } from 'vitest';
import type { BoatsPanel, BoatTotals } from '../../../functions/insights/index.js';
import type { DashboardReading } from '../../../functions/site/insights-desk.js';
import { createDashboardTables } from '../../../web/src/lib/dashboard-tables';

const zero: BoatTotals = {
  bookings: 0,
  passengers: 0,
  counterPassengers: 0,
  checkedIn: 0,
  noShows: 0,
  cancelled: 0,
  cancelledPassengers: 0,
  revenue: 0,
  refunded: 0,
  netRevenue: 0,
  departuresScheduled: 0,
  departuresRun: 0,
  departuresSuspended: 0,
  departuresCancelled: 0,
  seatsOffered: 0,
  seatsFilled: 0,
  loadFactor: null,
  capacityRefusals: 0,
  refusedSeats: 0,
};
const july = { passengers: 1500, checkedIn: 1200, netRevenue: 2_500_000 };
const boats: BoatsPanel = {
  period: { from: '2026-07-01', to: '2026-07-02' },
  comparison: { from: '2025-07-01', to: '2025-07-02' },
  resolution: 'day',
  demo: false,
  totals: { ...zero, ...july },
  previous: { ...zero, passengers: 1000 },
  byRoute: [
    { ...zero, ...july, routeId: 1 },
    { ...zero, routeId: 9 },
  ],
  byPort: [],
  byOperator: [],
  series: [
    { point: '2026-07-01', passengers: 700, checkedIn: 600, netRevenue: 1_000_000 },
    { point: '2026-07-02', passengers: 800, checkedIn: 600, netRevenue: 1_500_000 },
  ],
};
const reading: Extract<DashboardReading, { kind: 'dashboard' }> = {
  kind: 'dashboard',
  filters: { period: 'custom', from: '2026-07-01', to: '2026-07-02', route: '', port: '', operator: '' },
  query: { from: '2026-07-01', to: '2026-07-02' },
  today: '2026-07-02',
  todaySummary: null,
  panels: { boats },
  names: {
    routes: [{ id: 1, name: { vi: 'Thiên Cung – Đầu Gỗ', en: 'Thiên Cung and Đầu Gỗ caves' } }],
    ports: [],
    operators: [],
    hotspots: [],
    exhibits: [],
  },
};

describe('the dashboard’s tables', () => {
  it('show each measure beside the same dates a year before, and keep plain numbers for the CSV', () => {
    const totals = createDashboardTables('vi').tables(reading).get('boats-totals');
    const passengers = totals?.rows.find((row) => row[0]?.text === 'Hành khách đã đặt');
    expect(passengers?.map((cell) => cell.text)).toEqual(['Hành khách đã đặt', '1.500', '1.000', '+50%']);
    expect(passengers?.map((cell) => cell.value)).toEqual(['Hành khách đã đặt', 1500, 1000, 50]);
    const checkedIn = totals?.rows.find((row) => row[0]?.text === 'Hành khách đã lên tàu');
    // Nothing a year before: no change to show.
    expect(checkedIn?.slice(3).map((cell) => [cell.text, cell.value])).toEqual([['—', '']]);
  });

  it('name routes in the page’s language, and say when an id is no longer listed', () => {
    const routes = createDashboardTables('en').tables(reading).get('boats-routes');
    expect(routes?.rows.map((row) => row[0]?.text)).toEqual([
      '1. Thiên Cung and Đầu Gỗ caves',
      '9 (no longer listed)',
    ]);
    expect(routes?.rows[0]?.[3]).toEqual({ text: '₫2,500,000', value: 2_500_000 });
  });

  it('chart a series without its money column, whose scale is its own', () => {
    const tables = createDashboardTables('en');
    const series = tables.tables(reading).get('boats-series');
    expect(series?.rows[0]?.[0]).toEqual({ text: '1 Jul', value: '2026-07-01' });
    const chart = series && tables.chartOf(series);
    expect(chart?.points).toEqual(['1 Jul', '2 Jul']);
    expect(chart?.series).toEqual([
      { label: 'Passengers booked', values: [700, 800] },
      { label: 'Passengers checked in', values: [600, 600] },
    ]);
  });
});
