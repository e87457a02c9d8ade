// The managers' dashboard as tables, one definition for the page and its CSV files: each cell carries the text the
// page shows (formatted in the page's language) and the plain value the CSV file holds (a number a spreadsheet
// adds up), so the table on the screen and the file downloaded beside it never disagree. The charts draw the
// `series` tables.
import type {
  BoatsPanel,
  BoatTotals,
  DashboardSummary,
  MuseumPanel,
  SafetyPanel,
  WifiPanel,
} from '../../../functions/insights/index';
import type { DashboardNames, DashboardReading } from '../../../functions/site/insights-desk';
import { intlLocale, type Language, t } from '../i18n';
import { fillTemplate, formatCalendarDate, formatVnd } from './format';

export const dashboardTableIds = [
  'today',
  'boats-totals',
  'boats-series',
  'boats-routes',
  'boats-ports',
  'boats-operators',
  'safety-totals',
  'safety-series',
  'safety-kinds',
  'wifi-totals',
  'wifi-series',
  'wifi-hotspots',
  'museum-totals',
  'museum-series',
  'museum-exhibits',
] as const;
export type DashboardTableId = (typeof dashboardTableIds)[number];

/** The panel a table is read from ('today': the day's summary). */
export function panelOfTable(id: DashboardTableId): 'today' | 'boats' | 'safety' | 'wifi' | 'museum' {
  return id === 'today' ? 'today' : (id.split('-')[0] as 'boats' | 'safety' | 'wifi' | 'museum');
}

export interface DashboardCell {
  /** As the page shows it. */
  text: string;
  /** As the CSV file holds it: a plain number, or text; '' for nothing. */
  value: string | number;
}

export interface DashboardTable {
  id: DashboardTableId;
  title: string;
  /** `money`: amounts in VND, on a scale of their own. */
  columns: { label: string; numeric: boolean; money?: boolean }[];
  /** Each row's first cell names it (the row's header). */
  rows: DashboardCell[][];
}

/** A chart of a series table: its point labels and, per drawn column, the values. */
export interface DashboardChart {
  tableId: DashboardTableId;
  title: string;
  points: string[];
  series: { label: string; values: number[] }[];
}

type Dictionary = ReturnType<typeof t>['dashboard'];
type Measure = keyof Dictionary['measures'];

function formatters(lang: Language) {
  const locale = intlLocale(lang);
  const integer = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return { integer, decimal, percent, signedPercent, month, day };
}

/** What kind of number a measure is, for its formatting. */
type Kind = 'count' | 'money' | 'decimal' | 'ratio';

const measureKinds: Partial<Record<Measure, Kind>> = {
  revenue: 'money',
  refunded: 'money',
  netRevenue: 'money',
  loadFactor: 'ratio',
  meanAcknowledgeMinutes: 'decimal',
  meanResolveMinutes: 'decimal',
  averageDailyDevices: 'decimal',
  averageDwellMinutes: 'decimal',
  megabytesIn: 'decimal',
  megabytesOut: 'decimal',
  averageDwellSeconds: 'decimal',
};

export function createDashboardTables(lang: Language) {
  const strings = t(lang).dashboard;
  const format = formatters(lang);

  const cell = (value: number | null, kind: Kind = 'count'): DashboardCell => {
    if (value === null) return { text: strings.noChange, value: '' };
    const text =
      kind === 'money'
        ? formatVnd(value, lang)
        : kind === 'ratio'
          ? format.percent.format(value)
          : kind === 'decimal'
            ? format.decimal.format(value)
            : format.integer.format(value);
    return { text, value };
  };
  const label = (text: string): DashboardCell => ({ text, value: text });

  /** The change from `previous` to `now` as a signed percentage; none when there was nothing before. */
  const change = (now: number | null, previous: number | null): DashboardCell => {
    if (now === null || previous === null || previous === 0) return { text: strings.noChange, value: '' };
    const ratio = (now - previous) / previous;
    return { text: format.signedPercent.format(ratio), value: Math.round(ratio * 1000) / 10 };
  };

  /** A "at a glance" table: each measure this period, the same dates a year before, and the change. */
  function comparison<Totals>(
    id: DashboardTableId,
    now: Totals,
    previous: Totals,
    measures: readonly [Measure, (totals: Totals) => number | null][],
    columnsOf: { period: string; previous: string } = strings.columns,
  ): DashboardTable {
    return {
      id,
      title: strings.tables[id],
      columns: [
        { label: strings.columns.measure, numeric: false },
        { label: columnsOf.period, numeric: true },
        { label: columnsOf.previous, numeric: true },
        { label: strings.columns.change, numeric: true },
      ],
      rows: measures.map(([measure, read]) => {
        const kind = measureKinds[measure] ?? 'count';
        return [
          label(strings.measures[measure]),
          cell(read(now), kind),
          cell(read(previous), kind),
          change(read(now), read(previous)),
        ];
      }),
    };
  }

  /** A chart point's label: an hour (`08` → 08:00), a day or a month. */
  const pointLabel = (point: string, resolution: 'hour' | 'day' | 'month') =>
    resolution === 'hour'
      ? `${point}:00`
      : resolution === 'day'
        ? format.day.format(new Date(`${point}T00:00:00Z`))
        : format.month.format(new Date(`${point}-01T00:00:00Z`));
  const pointColumn = (resolution: 'hour' | 'day' | 'month') => ({
    label: strings.columns[resolution],
    numeric: false,
  });

  function series<Point extends { point: string }>(
    id: DashboardTableId,
    panel: { resolution: 'hour' | 'day' | 'month'; series: Point[] },
    measures: readonly [Measure, (point: Point) => number][],
  ): DashboardTable {
    return {
      id,
      title: strings.tables[id],
      columns: [
        pointColumn(panel.resolution),
        ...measures.map(([measure]) => ({
          label: strings.measures[measure],
          numeric: true,
          money: measureKinds[measure] === 'money',
        })),
      ],
      rows: panel.series.map((point) => [
        // The CSV holds the ISO point (a day, a month, or the hour of the day).
        { text: pointLabel(point.point, panel.resolution), value: point.point },
        ...measures.map(([measure, read]) => cell(read(point), measureKinds[measure] ?? 'count')),
      ]),
    };
  }

  const boatMeasures: readonly [Measure, (totals: BoatTotals) => number | null][] = [
    ['passengers', (totals) => totals.passengers],
    ['counterPassengers', (totals) => totals.counterPassengers],
    ['checkedIn', (totals) => totals.checkedIn],
    ['noShows', (totals) => totals.noShows],
    ['cancelledPassengers', (totals) => totals.cancelledPassengers],
    ['revenue', (totals) => totals.revenue],
    ['refunded', (totals) => totals.refunded],
    ['netRevenue', (totals) => totals.netRevenue],
    ['departuresScheduled', (totals) => totals.departuresScheduled],
    ['departuresRun', (totals) => totals.departuresRun],
    ['departuresSuspended', (totals) => totals.departuresSuspended],
    ['departuresCancelled', (totals) => totals.departuresCancelled],
    ['seatsOffered', (totals) => totals.seatsOffered],
    ['seatsFilled', (totals) => totals.seatsFilled],
    ['loadFactor', (totals) => totals.loadFactor],
    ['capacityRefusals', (totals) => totals.capacityRefusals],
    ['refusedSeats', (totals) => totals.refusedSeats],
  ];
  /** The columns of a per-route, per-port or per-company table. */
  const breakdownMeasures: readonly [Measure, (totals: BoatTotals) => number | null][] = [
    ['passengers', (totals) => totals.passengers],
    ['checkedIn', (totals) => totals.checkedIn],
    ['netRevenue', (totals) => totals.netRevenue],
    ['departuresRun', (totals) => totals.departuresRun],
    ['seatsFilled', (totals) => totals.seatsFilled],
    ['loadFactor', (totals) => totals.loadFactor],
    ['capacityRefusals', (totals) => totals.capacityRefusals],
  ];

  function breakdown<Row extends BoatTotals>(
    id: DashboardTableId,
    firstColumn: string,
    rows: Row[],
    nameOf: (row: Row) => string,
  ): DashboardTable {
    return {
      id,
      title: strings.tables[id],
      columns: [
        { label: firstColumn, numeric: false },
        ...breakdownMeasures.map(([measure]) => ({ label: strings.measures[measure], numeric: true })),
      ],
      rows: rows.map((row) => [
        label(nameOf(row)),
        ...breakdownMeasures.map(([measure, read]) => cell(read(row), measureKinds[measure] ?? 'count')),
      ]),
    };
  }

  function namers(names: DashboardNames) {
    const unknown = (id: string) => fillTemplate(strings.unknownName, { id });
    const routes = new Map(names.routes.map((route) => [route.id, route.name[lang]]));
    const ports = new Map(names.ports.map((port) => [port.id, port.name[lang]]));
    const operators = new Map(names.operators.map((operator) => [operator.id, operator.name]));
    const hotspots = new Map(names.hotspots.map((hotspot) => [hotspot.id, hotspot.name[lang]]));
    const exhibits = new Map(names.exhibits.map((exhibit) => [exhibit.id, exhibit.title[lang]]));
    const kinds = t(lang).liveMap.alertKinds as Record<string, string>;
    return {
      route: (id: number) => {
        const name = routes.get(id);
        return name === undefined ? unknown(String(id)) : `${id}. ${name}`;
      },
      port: (id: string) => ports.get(id) ?? unknown(id),
      operator: (id: string) => operators.get(id) ?? unknown(id),
      hotspot: (id: string) => hotspots.get(id) ?? unknown(id),
      exhibit: (id: string) => exhibits.get(id) ?? unknown(id),
      kind: (kind: string) => kinds[kind] ?? kind,
    };
  }

  function boatsTables(panel: BoatsPanel, name: ReturnType<typeof namers>): DashboardTable[] {
    return [
      comparison('boats-totals', panel.totals, panel.previous, boatMeasures),
      series('boats-series', panel, [
        ['passengers', (point) => point.passengers],
        ['checkedIn', (point) => point.checkedIn],
        ['netRevenue', (point) => point.netRevenue],
      ]),
      breakdown('boats-routes', strings.columns.route, panel.byRoute, (row) => name.route(row.routeId)),
      breakdown('boats-ports', strings.columns.port, panel.byPort, (row) => name.port(row.portId)),
      breakdown('boats-operators', strings.columns.operator, panel.byOperator, (row) =>
        name.operator(row.operatorId),
      ),
    ];
  }

  function safetyTables(panel: SafetyPanel, name: ReturnType<typeof namers>): DashboardTable[] {
    return [
      comparison('safety-totals', panel.totals, panel.previous, [
        ['raised', (totals) => totals.raised],
        ['acknowledged', (totals) => totals.acknowledged],
        ['resolved', (totals) => totals.resolved],
        ['unresolved', (totals) => totals.unresolved],
        ['meanAcknowledgeMinutes', (totals) => totals.meanAcknowledgeMinutes],
        ['meanResolveMinutes', (totals) => totals.meanResolveMinutes],
        ['banDays', (totals) => totals.banDays],
      ]),
      series('safety-series', panel, [
        ['raised', (point) => point.raised],
        ['resolved', (point) => point.resolved],
      ]),
      {
        id: 'safety-kinds',
        title: strings.tables['safety-kinds'],
        columns: [
          { label: strings.columns.kind, numeric: false },
          { label: strings.measures.raised, numeric: true },
          { label: strings.measures.resolved, numeric: true },
          { label: strings.measures.meanAcknowledgeMinutes, numeric: true },
          { label: strings.measures.meanResolveMinutes, numeric: true },
        ],
        rows: panel.byKind.map((row) => [
          label(name.kind(row.kind)),
          cell(row.raised),
          cell(row.resolved),
          cell(row.meanAcknowledgeMinutes, 'decimal'),
          cell(row.meanResolveMinutes, 'decimal'),
        ]),
      },
    ];
  }

  function wifiTables(panel: WifiPanel, name: ReturnType<typeof namers>): DashboardTable[] {
    const megabytes = (bytes: number) => Math.round(bytes / 100_000) / 10;
    return [
      comparison('wifi-totals', panel.totals, panel.previous, [
        ['sessions', (totals) => totals.sessions],
        ['deviceDays', (totals) => totals.deviceDays],
        ['averageDailyDevices', (totals) => totals.averageDailyDevices],
        ['averageDwellMinutes', (totals) => totals.averageDwellMinutes],
        ['loginsTerms', (totals) => totals.logins.terms],
        ['loginsCode', (totals) => totals.logins.code],
        ['loginsBooking', (totals) => totals.logins.booking],
        ['megabytesIn', (totals) => megabytes(totals.bytesIn)],
        ['megabytesOut', (totals) => megabytes(totals.bytesOut)],
      ]),
      series('wifi-series', panel, [
        ['sessions', (point) => point.sessions],
        ['devices', (point) => point.devices],
      ]),
      {
        id: 'wifi-hotspots',
        title: strings.tables['wifi-hotspots'],
        columns: [
          { label: strings.columns.hotspot, numeric: false },
          { label: strings.measures.sessions, numeric: true },
          { label: strings.measures.deviceDays, numeric: true },
        ],
        rows: panel.byHotspot.map((row) => [
          label(name.hotspot(row.hotspotId)),
          cell(row.sessions),
          cell(row.deviceDays),
        ]),
      },
    ];
  }

  function museumTables(panel: MuseumPanel, name: ReturnType<typeof namers>): DashboardTable[] {
    return [
      comparison('museum-totals', panel.totals, panel.previous, [
        ['visits', (totals) => totals.visits],
        ['visitsVi', (totals) => totals.visitsVi],
        ['visitsEn', (totals) => totals.visitsEn],
        ['exhibitViews', (totals) => totals.exhibitViews],
        ['toursStarted', (totals) => totals.toursStarted],
        ['toursCompleted', (totals) => totals.toursCompleted],
      ]),
      series('museum-series', panel, [
        ['visits', (point) => point.visits],
        ['toursCompleted', (point) => point.toursCompleted],
      ]),
      {
        id: 'museum-exhibits',
        title: strings.tables['museum-exhibits'],
        columns: [
          { label: strings.columns.exhibit, numeric: false },
          { label: strings.measures.views, numeric: true },
          { label: strings.measures.averageDwellSeconds, numeric: true },
        ],
        rows: panel.topExhibits.map((row) => [
          label(name.exhibit(row.exhibitId)),
          cell(row.views),
          cell(row.averageDwellSeconds, 'decimal'),
        ]),
      },
    ];
  }

  function todayTable(summary: DashboardSummary): DashboardTable {
    const pick = (side: 'totals' | 'previous') => ({
      boats: summary.boats[side],
      safety: summary.safety[side],
      wifi: summary.wifi[side],
      museum: summary.museum[side],
    });
    return comparison(
      'today',
      pick('totals'),
      pick('previous'),
      [
        ['passengers', (day) => day.boats.passengers],
        ['checkedIn', (day) => day.boats.checkedIn],
        ['netRevenue', (day) => day.boats.netRevenue],
        ['departuresRun', (day) => day.boats.departuresRun],
        ['capacityRefusals', (day) => day.boats.capacityRefusals],
        ['raised', (day) => day.safety.raised],
        ['unresolved', (day) => day.safety.unresolved],
        ['sessions', (day) => day.wifi.sessions],
        ['visits', (day) => day.museum.visits],
      ],
      { period: strings.columns.today, previous: strings.columns.previousDay },
    );
  }

  return {
    /** Every table of a reading, by id, in the page's order. */
    tables(reading: Extract<DashboardReading, { kind: 'dashboard' }>): Map<DashboardTableId, DashboardTable> {
      const name = namers(reading.names);
      const { boats, safety, wifi, museum } = reading.panels;
      const all = [
        ...(reading.todaySummary ? [todayTable(reading.todaySummary)] : []),
        ...(boats ? boatsTables(boats, name) : []),
        ...(safety ? safetyTables(safety, name) : []),
        ...(wifi ? wifiTables(wifi, name) : []),
        ...(museum ? museumTables(museum, name) : []),
      ];
      return new Map(all.map((table) => [table.id, table]));
    },

    /** A series table as its chart draws it: every numeric column but money (a scale of its own). */
    chartOf(table: DashboardTable): DashboardChart {
      const drawn = table.columns
        .map((column, index) => ({ column, index }))
        .filter(({ column, index }) => index > 0 && !column.money);
      return {
        tableId: table.id,
        title: table.title,
        points: table.rows.map((row) => row[0]?.text ?? ''),
        series: drawn.map(({ column, index }) => ({
          label: column.label,
          values: table.rows.map((row) => Number(row[index]?.value) || 0),
        })),
      };
    },

    /** The period's dates as the page writes them. */
    periodText(period: { from: string; to: string }): { from: string; to: string } {
      return { from: formatCalendarDate(period.from, lang), to: formatCalendarDate(period.to, lang) };
    },
  };
}

/** A CSV file's name: `dashboard-boats-routes-2026-11-01-2026-11-30.csv`. */
export function dashboardCsvFilename(
  lang: Language,
  id: DashboardTableId,
  period: { from: string; to: string },
): string {
  return `${t(lang).dashboard.csvFilePrefix}-${id}-${period.from}-${period.to}.csv`;
}
