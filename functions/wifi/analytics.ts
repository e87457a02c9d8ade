/**
 * What the city's Wi-Fi is used for, for the managers' dashboard: sessions per hotspot per hour and day, unique
 * devices, the mix of login methods, and — where the gateway reports a session's end (openNDS authmon's
 * `deauthed`) — dwell time and traffic. Counted as they happen into one item per local day and hotspot plus one
 * for the whole city, so a day of 107 hotspots is one query.
 *
 * Each session is also kept as an item of its own (hotspot, method, start; the device only as that day's hash)
 * for `SESSION_RETENTION_DAYS`, long enough to match its end and to check the counts, then deleted by TTL; the
 * daily counters carry nothing about anyone and are kept.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { localDateAt } from '../platform/local-time.js';
import type { loginMethods } from './model.js';

type LoginMethod = (typeof loginMethods)[number];

export const SESSION_RETENTION_DAYS = 90;

const HO_CHI_MINH_OFFSET_HOURS = 7;
const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const localHour = (at: Date) => (at.getUTCHours() + HO_CHI_MINH_OFFSET_HOURS) % 24;
const hourAttribute = (hour: number) => `h${String(hour).padStart(2, '0')}`;
const methodAttribute = { terms: 'mTerms', code: 'mCode', booking: 'mBooking' } as const;

export interface SessionStart {
  hotspotId: string;
  method: LoginMethod;
  /** The gateway's own name for the session where it reports its end (openNDS: the hid); else a random id. */
  sessionKey: string;
  /** Whether this is the device's first session today at this hotspot, and in the whole city. */
  newDeviceHere: boolean;
  newDeviceInCity: boolean;
  at: Date;
}

export interface SessionEnd {
  dwellSeconds: number;
  bytesIn: number;
  bytesOut: number;
  endedAt: Date;
}

const Counters = z
  .object({
    sessions: z.number().int(),
    devices: z.number().int().meta({
      description:
        'Distinct devices (by that day’s keyed hash of the MAC). The city’s figure counts a device once however many hotspots it used.',
    }),
    sessionsByHour: z
      .array(z.number().int())
      .length(24)
      .meta({ description: 'Sessions started in each local hour (Asia/Ho_Chi_Minh), 0–23.' }),
    methods: z.object({ terms: z.number().int(), code: z.number().int(), booking: z.number().int() }),
    endedSessions: z.number().int().meta({
      description: 'Sessions whose end the gateway reported (openNDS); dwell and traffic are over these.',
    }),
    averageDwellMinutes: z.number().nullable(),
    bytesIn: z.number().int(),
    bytesOut: z.number().int(),
  })
  .meta({ id: 'WifiCounters' });

export const WifiDayStatistics = z
  .object({
    date: z.iso.date(),
    city: Counters,
    hotspots: z.array(Counters.extend({ hotspotId: z.string() })),
  })
  .meta({ id: 'WifiDayStatistics' });
export type WifiDayStatistics = z.infer<typeof WifiDayStatistics>;

function countersOf(item: Record<string, unknown> | undefined): z.infer<typeof Counters> {
  const number = (name: string) => (typeof item?.[name] === 'number' ? (item[name] as number) : 0);
  const ended = number('ended');
  return {
    sessions: number('sessions'),
    devices: number('devices'),
    sessionsByHour: Array.from({ length: 24 }, (_, hour) => number(hourAttribute(hour))),
    methods: {
      terms: number(methodAttribute.terms),
      code: number(methodAttribute.code),
      booking: number(methodAttribute.booking),
    },
    endedSessions: ended,
    averageDwellMinutes: ended > 0 ? Math.round((number('dwellSeconds') / ended / 60) * 10) / 10 : null,
    bytesIn: number('bytesIn'),
    bytesOut: number('bytesOut'),
  };
}

export const WIFI_STATS_PARTITION_PREFIX = 'WIFI#STATS#';

/** What a stored day counter holds, as sums (for readers of raw records: the insights' roll-ups). */
export interface StoredWifiCounters {
  date: string;
  /** The hotspot counted, or null for the whole city's item. */
  hotspotId: string | null;
  sessionsByHour: number[];
  devices: number;
  methods: { terms: number; code: number; booking: number };
  endedSessions: number;
  dwellSeconds: number;
  bytesIn: number;
  bytesOut: number;
}

/** A `WIFI#STATS#<date>` item's sums, or null for any other item. */
export function storedWifiCountersOf(item: Record<string, unknown>): StoredWifiCounters | null {
  const { PK, SK } = item;
  if (typeof PK !== 'string' || typeof SK !== 'string' || !PK.startsWith(WIFI_STATS_PARTITION_PREFIX))
    return null;
  if (SK !== 'CITY' && !SK.startsWith('HOTSPOT#')) return null;
  const number = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : 0);
  const counters = countersOf(item);
  return {
    date: PK.slice(WIFI_STATS_PARTITION_PREFIX.length),
    hotspotId: SK === 'CITY' ? null : SK.slice('HOTSPOT#'.length),
    sessionsByHour: counters.sessionsByHour,
    devices: counters.devices,
    methods: counters.methods,
    endedSessions: counters.endedSessions,
    dwellSeconds: number('dwellSeconds'),
    bytesIn: counters.bytesIn,
    bytesOut: counters.bytesOut,
  };
}

export function createWifiAnalytics(db: DynamoDBDocumentClient, tableName: string) {
  const statsKey = (date: string, scope: string) => ({
    PK: `${WIFI_STATS_PARTITION_PREFIX}${date}`,
    SK: scope,
  });
  const sessionKey = (hotspotId: string, key: string) => ({
    PK: `WIFI#SESSION#${hotspotId}#${key}`,
    SK: 'SESSION',
  });

  const countStart = (date: string, scope: string, start: SessionStart, newDevice: boolean) => {
    const hour = hourAttribute(localHour(start.at));
    const method = methodAttribute[start.method];
    return db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: statsKey(date, scope),
        UpdateExpression: `ADD sessions :one, #hour :one, #method :one, devices :device SET entity = :entity`,
        ExpressionAttributeNames: { '#hour': hour, '#method': method },
        ExpressionAttributeValues: { ':one': 1, ':device': newDevice ? 1 : 0, ':entity': 'WifiStatistics' },
      }),
    );
  };

  const countEnd = (date: string, scope: string, end: SessionEnd) =>
    db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: statsKey(date, scope),
        UpdateExpression:
          'ADD ended :one, dwellSeconds :dwell, bytesIn :in, bytesOut :out SET entity = :entity',
        ExpressionAttributeValues: {
          ':one': 1,
          ':dwell': end.dwellSeconds,
          ':in': end.bytesIn,
          ':out': end.bytesOut,
          ':entity': 'WifiStatistics',
        },
      }),
    );

  return {
    async startSession(start: SessionStart): Promise<void> {
      const date = localDateAt(start.at);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...sessionKey(start.hotspotId, start.sessionKey),
            entity: 'WifiSession',
            hotspotId: start.hotspotId,
            method: start.method,
            localDate: date,
            startedAt: start.at.toISOString(),
            expiresAt: epochSeconds(start.at) + SESSION_RETENTION_DAYS * 86_400,
          },
        }),
      );
      await Promise.all([
        countStart(date, `HOTSPOT#${start.hotspotId}`, start, start.newDeviceHere),
        countStart(date, 'CITY', start, start.newDeviceInCity),
      ]);
    },

    /**
     * Ends a session the portal started, counted on the day it started; false when there is no such session (a
     * report for a guest let in elsewhere, or a forged one) or it ended already (a repeated report).
     */
    async endSession(hotspotId: string, key: string, end: SessionEnd): Promise<boolean> {
      let date: string;
      try {
        const answer = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sessionKey(hotspotId, key),
            UpdateExpression: 'SET endedAt = :ended, dwellSeconds = :dwell, bytesIn = :in, bytesOut = :out',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(endedAt)',
            ExpressionAttributeValues: {
              ':ended': end.endedAt.toISOString(),
              ':dwell': end.dwellSeconds,
              ':in': end.bytesIn,
              ':out': end.bytesOut,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        date = String(answer.Attributes?.localDate);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
      await Promise.all([countEnd(date, `HOTSPOT#${hotspotId}`, end), countEnd(date, 'CITY', end)]);
      return true;
    },

    async day(date: string): Promise<WifiDayStatistics> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :day',
          ExpressionAttributeValues: { ':day': `${WIFI_STATS_PARTITION_PREFIX}${date}` },
        }),
      );
      const city = Items.find((item) => item.SK === 'CITY');
      const hotspots = Items.filter((item) => String(item.SK).startsWith('HOTSPOT#'))
        .map((item) => ({ hotspotId: String(item.SK).slice('HOTSPOT#'.length), ...countersOf(item) }))
        .sort((a, b) => b.sessions - a.sessions || a.hotspotId.localeCompare(b.hotspotId));
      return { date, city: countersOf(city), hotspots };
    },
  };
}

export type WifiAnalytics = ReturnType<typeof createWifiAnalytics>;
