/**
 * Anonymous visit analytics of the virtual museum: the 3D page sends batches of events (visit started, exhibit
 * viewed with its dwell time, tour started or completed) with navigator.sendBeacon; they are added to daily
 * counters, per day and per exhibit, so nothing about a visitor is ever stored — no id, no address, no agent.
 */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { queryAll } from '../platform/dynamo.js';
import { localDateAt } from '../platform/local-time.js';
import { storableNumber } from '../platform/stored-number.js';
import { Slug } from './model.js';

/** A batch holds at most this many events; a visitor's page sends one every few exhibits. */
export const MAX_EVENTS_PER_BATCH = 50;
const MAX_DWELL_SECONDS = 3600;

export const VisitEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit-started'), language: z.enum(['vi', 'en']) }),
  z.object({
    type: z.literal('exhibit-viewed'),
    exhibitId: Slug,
    dwellSeconds: storableNumber().min(0).max(MAX_DWELL_SECONDS),
  }),
  z.object({ type: z.literal('tour-started'), tourId: Slug }),
  z.object({ type: z.literal('tour-completed'), tourId: Slug }),
]);

export const VisitEventBatch = z
  .object({
    visitId: z
      .string()
      .regex(/^[\w-]{16,64}$/, '16 to 64 letters, digits, - or _')
      .meta({
        description:
          'A random id the page makes once per visit, so that one visit can count only so much; never stored with ' +
          'the counters.',
      }),
    events: z.array(VisitEvent).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .meta({ id: 'VisitEventBatch' });

/**
 * How many batches one visit, and one client address (a whole school group behind one hotspot's NAT), may send
 * per minute: a page sends one every 20 events or when it is put away, a few a minute at most.
 */
export const EVENT_BATCH_LIMITS: { perVisit: number; perAddress: number; windowSeconds: number } = {
  perVisit: 12,
  perAddress: 120,
  windowSeconds: 60,
};

export const DayStatistics = z
  .object({
    date: z.iso.date(),
    visits: z.number().int(),
    visitsByLanguage: z.object({ vi: z.number().int(), en: z.number().int() }),
    exhibitViews: z.number().int(),
    toursStarted: z.number().int(),
    toursCompleted: z.number().int(),
    exhibits: z.array(
      z.object({ exhibitId: Slug, views: z.number().int(), averageDwellSeconds: z.number() }),
    ),
  })
  .meta({ id: 'MuseumDayStatistics' });

export type VisitEvent = z.infer<typeof VisitEvent>;
export type DayStatistics = z.infer<typeof DayStatistics>;

export const MUSEUM_STATS_PARTITION_PREFIX = 'MUSEUM#STATS#';
const dayPartition = (date: string) => `${MUSEUM_STATS_PARTITION_PREFIX}${date}`;

/** What a stored day counter holds (for readers of raw records: the insights' roll-ups). */
export type StoredMuseumCounters =
  | {
      date: string;
      kind: 'day';
      visits: number;
      visitsVi: number;
      visitsEn: number;
      exhibitViews: number;
      toursStarted: number;
      toursCompleted: number;
    }
  | { date: string; kind: 'exhibit'; exhibitId: string; views: number; dwellSeconds: number };

/** A `MUSEUM#STATS#<date>` item's counters (the day's, or one exhibit's), or null for any other item. */
export function storedMuseumCountersOf(item: Record<string, unknown>): StoredMuseumCounters | null {
  const { PK, SK } = item;
  if (typeof PK !== 'string' || typeof SK !== 'string' || !PK.startsWith(MUSEUM_STATS_PARTITION_PREFIX))
    return null;
  const number = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : 0);
  const date = PK.slice(MUSEUM_STATS_PARTITION_PREFIX.length);
  if (SK === 'DAY') {
    return {
      date,
      kind: 'day',
      visits: number('visits'),
      visitsVi: number('visitsVi'),
      visitsEn: number('visitsEn'),
      exhibitViews: number('exhibitViews'),
      toursStarted: number('toursStarted'),
      toursCompleted: number('toursCompleted'),
    };
  }
  if (!SK.startsWith('EXHIBIT#')) return null;
  return {
    date,
    kind: 'exhibit',
    exhibitId: SK.slice('EXHIBIT#'.length),
    views: number('views'),
    dwellSeconds: number('dwellSeconds'),
  };
}
const KEEP_DAYS = 400;

export function createVisitAnalytics(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock = () => new Date(),
) {
  /** Adds to counters of one item; created on first use, kept a little over a year. */
  async function add(sortKey: string, date: string, counters: Record<string, number>) {
    const names = Object.keys(counters);
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: dayPartition(date), SK: sortKey },
        UpdateExpression: `ADD ${names.map((_, index) => `#c${index} :c${index}`).join(', ')} SET entity = :entity, expiresAt = if_not_exists(expiresAt, :expires)`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#c${index}`, name])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, index) => [`:c${index}`, counters[name]])),
          ':entity': 'MuseumStatistics',
          ':expires': Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + KEEP_DAYS * 86_400,
        },
      }),
    );
  }

  return {
    /**
     * Adds a batch to today's counters — Hạ Long's day, as every other counter of the platform, so a visit at
     * 00:30 counts on the day the dashboard calls today: one update for the day, one per exhibit viewed.
     */
    async record(events: readonly VisitEvent[]): Promise<void> {
      const date = localDateAt(clock());
      const day: Record<string, number> = {};
      const exhibits = new Map<string, { views: number; dwellSeconds: number }>();
      const count = (name: string) => {
        day[name] = (day[name] ?? 0) + 1;
      };
      for (const event of events) {
        if (event.type === 'visit-started') {
          count('visits');
          count(event.language === 'vi' ? 'visitsVi' : 'visitsEn');
        } else if (event.type === 'exhibit-viewed') {
          count('exhibitViews');
          const totals = exhibits.get(event.exhibitId) ?? { views: 0, dwellSeconds: 0 };
          exhibits.set(event.exhibitId, {
            views: totals.views + 1,
            dwellSeconds: totals.dwellSeconds + Math.round(event.dwellSeconds),
          });
        } else {
          count(event.type === 'tour-started' ? 'toursStarted' : 'toursCompleted');
        }
      }
      await Promise.all([
        ...(Object.keys(day).length > 0 ? [add('DAY', date, day)] : []),
        ...[...exhibits].map(([exhibitId, totals]) => add(`EXHIBIT#${exhibitId}`, date, totals)),
      ]);
    },

    /** One day's counters, exhibits by views; zeros for a day nobody visited. */
    async day(date: string): Promise<DayStatistics> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :day',
        ExpressionAttributeValues: { ':day': dayPartition(date) },
      });
      const total = items.find((item) => item.SK === 'DAY') ?? {};
      const number = (value: unknown) => (typeof value === 'number' ? value : 0);
      return {
        date,
        visits: number(total.visits),
        visitsByLanguage: { vi: number(total.visitsVi), en: number(total.visitsEn) },
        exhibitViews: number(total.exhibitViews),
        toursStarted: number(total.toursStarted),
        toursCompleted: number(total.toursCompleted),
        exhibits: items
          .filter((item) => String(item.SK).startsWith('EXHIBIT#'))
          .map((item) => ({
            exhibitId: String(item.SK).slice('EXHIBIT#'.length),
            views: number(item.views),
            averageDwellSeconds:
              number(item.views) > 0
                ? Math.round((number(item.dwellSeconds) / number(item.views)) * 10) / 10
                : 0,
          }))
          .sort((a, b) => b.views - a.views || a.exhibitId.localeCompare(b.exhibitId)),
      };
    },
  };
}

export type VisitAnalytics = ReturnType<typeof createVisitAnalytics>;
