/**
 * The managers' counters: what the services record, added up per local day, hour and month as it happens, so a
 * dashboard read never touches the raw records. A counter item is one scope (a route|port|operator mix, a
 * hotspot, an alert kind…) of one domain in one time bucket, its measures plain numbers.
 *
 * Keys — `PK = INSIGHTS#ROLLUP#<domain>#<group>#<granularity>#<partition>`, `SK = <bucket>#<scope>` (the group:
 * scopeGroup below):
 * - DAY: partition the month (`2026-12`), bucket the local date (`2026-12-07`);
 * - MONTH: partition the year (`2026`), bucket the month (`2026-12`);
 * - HOUR: partition the local date, bucket the local hour (`08`).
 * A period's days are one Query per month, its whole months one Query per year.
 */

/** The entities whose records the roll-ups read: the stream's filter (cdk/stacks/api-stack.ts), the backfill's scan. */
export const COUNTED_ENTITIES = [
  'Booking',
  'Departure',
  'Ban',
  'TrackingAlert',
  'WifiStatistics',
  'MuseumStatistics',
] as const;

export const ROLLUP_DOMAINS = ['BOATS', 'BANS', 'ALERTS', 'WIFI', 'MUSEUM'] as const;
export type RollupDomain = (typeof ROLLUP_DOMAINS)[number];
export type Granularity = 'DAY' | 'MONTH' | 'HOUR';

/** The scope of a booking's or a departure's counters: route, port and company, each filterable. */
export const boatScope = (routeId: number, portId: string, operatorId: string) =>
  `${routeId}|${portId}|${operatorId}`;

export const alertScope = (kind: string, operatorId: string) => `${kind}|${operatorId}`;

/** Everything a domain's records add to one scope at one local instant. */
export interface Contribution {
  domain: RollupDomain;
  scope: string;
  /** The local date (YYYY-MM-DD) the measures belong to. */
  date: string;
  /** The local hour (0–23) where the record knows it; day and month counters only otherwise. */
  hour: number | null;
  measures: Readonly<Record<string, number>>;
}

/** One counter item: a scope of a domain in one bucket. */
export interface CounterKey {
  domain: RollupDomain;
  granularity: Granularity;
  /** DAY: YYYY-MM-DD; MONTH: YYYY-MM; HOUR: YYYY-MM-DDTHH. */
  bucket: string;
  scope: string;
}

export const ROLLUP_PARTITION_PREFIX = 'INSIGHTS#ROLLUP#';

/**
 * The partition group of a scope: counters a read wants together live together, and apart from those it does not
 * want. BOATS keeps every change four more times — all boats, its route, its port, its company — beside its
 * route|port|company mix, so the dashboard without a filter reads one item a day, its breakdowns a handful, and
 * only a filtered view reads the mixes. The city's Wi-Fi apart from its 107 hotspots; the museum's day apart from
 * its exhibits.
 */
export function scopeGroup(domain: RollupDomain, scope: string): string {
  if (domain === 'BOATS') {
    if (scope === 'all') return 'ALL';
    const kind = scope.split(':')[0] as string;
    return ['route', 'port', 'operator'].includes(kind) ? kind.toUpperCase() : 'MIX';
  }
  if (domain === 'WIFI') return scope === 'hotspots' ? 'HOTSPOTS' : 'CITY';
  if (domain === 'MUSEUM') return scope === 'exhibits' ? 'EXHIBITS' : 'VISITS';
  return 'ALL';
}

/** The partition of a domain's group at a granularity, for a bucket. */
export function rollupPartition(
  domain: RollupDomain,
  group: string,
  granularity: Granularity,
  bucket: string,
): string {
  const partition =
    granularity === 'DAY'
      ? bucket.slice(0, 7)
      : granularity === 'MONTH'
        ? bucket.slice(0, 4)
        : bucket.slice(0, 10);
  return `${ROLLUP_PARTITION_PREFIX}${domain}#${group}#${granularity}#${partition}`;
}

export function counterItemKey(key: CounterKey): { PK: string; SK: string } {
  const { domain, granularity, bucket, scope } = key;
  const PK = rollupPartition(domain, scopeGroup(domain, scope), granularity, bucket);
  return { PK, SK: `${granularity === 'HOUR' ? bucket.slice(11, 13) : bucket}#${scope}` };
}

/** The counter a stored item's key names, or null for a key that is not a counter's. */
export function counterKeyOf(PK: string, SK: string): CounterKey | null {
  if (!PK.startsWith(ROLLUP_PARTITION_PREFIX)) return null;
  const [domain, , granularity, partition] = PK.slice(ROLLUP_PARTITION_PREFIX.length).split('#');
  const separator = SK.indexOf('#');
  if (separator < 0 || !partition) return null;
  const head = SK.slice(0, separator);
  const scope = SK.slice(separator + 1);
  if (!ROLLUP_DOMAINS.includes(domain as RollupDomain)) return null;
  if (granularity === 'DAY' || granularity === 'MONTH') {
    return { domain: domain as RollupDomain, granularity, bucket: head, scope };
  }
  if (granularity === 'HOUR') {
    return { domain: domain as RollupDomain, granularity, bucket: `${partition}T${head}`, scope };
  }
  return null;
}

/** The scopes a contribution counts under: a boats mix also under all boats, its route, port and company. */
function scopesOf(contribution: Contribution): string[] {
  if (contribution.domain !== 'BOATS' || !contribution.scope.includes('|')) return [contribution.scope];
  const [route, port, operator] = contribution.scope.split('|');
  return [contribution.scope, 'all', `route:${route}`, `port:${port}`, `operator:${operator}`];
}

/** The counters a contribution moves: its day, its month and, where it has one, its hour, under each scope. */
export function countersOf(contribution: Contribution): CounterKey[] {
  const { domain, date, hour } = contribution;
  return scopesOf(contribution).flatMap((scope): CounterKey[] => [
    { domain, granularity: 'DAY', bucket: date, scope },
    { domain, granularity: 'MONTH', bucket: date.slice(0, 7), scope },
    ...(hour === null
      ? []
      : [
          { domain, granularity: 'HOUR' as const, bucket: `${date}T${String(hour).padStart(2, '0')}`, scope },
        ]),
  ]);
}

export const counterId = (key: CounterKey) => `${key.domain}|${key.granularity}|${key.bucket}|${key.scope}`;

/** Measures added up per counter: the contributions' sum (negative to take one back). */
export type CounterTotals = Map<string, { key: CounterKey; measures: Record<string, number> }>;

export function addContributions(
  totals: CounterTotals,
  contributions: readonly Contribution[],
  sign: 1 | -1 = 1,
): CounterTotals {
  for (const contribution of contributions) {
    for (const key of countersOf(contribution)) {
      const id = counterId(key);
      const counter = totals.get(id) ?? { key, measures: {} };
      for (const [name, value] of Object.entries(contribution.measures)) {
        counter.measures[name] = (counter.measures[name] ?? 0) + sign * value;
      }
      totals.set(id, counter);
    }
  }
  return totals;
}

/** The totals without measures that add up to zero, and without counters left with none. */
export function withoutZeros(totals: CounterTotals): CounterTotals {
  const kept: CounterTotals = new Map();
  for (const [id, counter] of totals) {
    const measures = Object.fromEntries(Object.entries(counter.measures).filter(([, value]) => value !== 0));
    if (Object.keys(measures).length > 0) kept.set(id, { key: counter.key, measures });
  }
  return kept;
}

/**
 * Where a backfill starts unless told: the first day of the month a year before `today`, so it rebuilds a year
 * and a bit, within every counted record's retention (the museum's day counters are kept 400 days).
 */
export function defaultBackfillSince(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return `${year - 1}-${String(month).padStart(2, '0')}-01`;
}

/** Every partition group of each domain (scopeGroup's answers), for readers of all of a domain's counters. */
export const ROLLUP_GROUPS: Record<RollupDomain, readonly string[]> = {
  BOATS: ['ALL', 'ROUTE', 'PORT', 'OPERATOR', 'MIX'],
  BANS: ['ALL'],
  ALERTS: ['ALL'],
  WIFI: ['CITY', 'HOTSPOTS'],
  MUSEUM: ['VISITS', 'EXHIBITS'],
};
