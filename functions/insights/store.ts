/**
 * The managers' series and their forecasts in the table. A series' daily history is kept one item per series and
 * year (`INSIGHTS#SERIES#<id>` / `YEAR#<yyyy>`: a list of 365 or 366 values, null where unknown) — a few
 * kilobytes each, so a series' years read in one query; the list of series is one partition
 * (`INSIGHTS#SERIES` / `<id>`); a forecast is one item per series (`INSIGHTS#FORECAST#<id>` / `LATEST`), written
 * whole each night, so readers only read.
 */
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { dayNumberFromParts, dayNumberOf, isoDateOf } from '../platform/calendar-days.js';
import { queryAll } from '../platform/dynamo.js';
import type { ForecastAccuracy } from './held-out-accuracy.js';

export interface SeriesInfo {
  id: string;
  name: { vi: string; en: string };
  unit: 'passengers' | 'sessions' | 'visits';
  /** Whether its history is generated demo data (see demo-history.ts). */
  demo: boolean;
}

export interface StoredForecast {
  seriesId: string;
  generatedAt: string;
  model: string;
  /** The first forecast day; one value per day from it. */
  start: string;
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /**
   * The model's errors on the series' last four weeks, forecast without them (held-out-accuracy.ts); null when the
   * series is too short. Absent from forecasts stored before it was measured.
   */
  accuracy?: ForecastAccuracy | null;
}

export function createInsightsStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async listSeries(): Promise<SeriesInfo[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :series',
        ExpressionAttributeValues: { ':series': 'INSIGHTS#SERIES' },
      });
      return items.map(({ id, name, unit, demo }) => ({ id, name, unit, demo }) as SeriesInfo);
    },

    async getSeries(id: string): Promise<SeriesInfo | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: 'INSIGHTS#SERIES', SK: id } }),
      );
      return Item ? ({ id: Item.id, name: Item.name, unit: Item.unit, demo: Item.demo } as SeriesInfo) : null;
    },

    /** Writes a series and its daily values from `start` (whole years rewritten; other years kept). */
    async putHistory(info: SeriesInfo, start: string, values: readonly (number | null)[]): Promise<void> {
      const first = dayNumberOf(start) as number;
      const byYear = new Map<number, (number | null)[]>();
      values.forEach((value, index) => {
        const date = isoDateOf(first + index);
        const year = Number(date.slice(0, 4));
        let days = byYear.get(year);
        if (!days) {
          days = new Array(dayNumberFromParts(year + 1, 1, 1) - dayNumberFromParts(year, 1, 1)).fill(null);
          byYear.set(year, days);
        }
        days[first + index - dayNumberFromParts(year, 1, 1)] = value;
      });
      const items = [
        { PK: 'INSIGHTS#SERIES', SK: info.id, entity: 'InsightsSeries', ...info },
        ...[...byYear].map(([year, days]) => ({
          PK: `INSIGHTS#SERIES#${info.id}`,
          SK: `YEAR#${year}`,
          entity: 'InsightsSeriesYear',
          year,
          values: days,
          demo: info.demo,
        })),
      ];
      for (let index = 0; index < items.length; index += 25) {
        let requests = items.slice(index, index + 25).map((Item) => ({ PutRequest: { Item } }));
        // Unprocessed writes (throttling) are sent again until none is left.
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt += 1) {
          const answer = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
          requests = (answer.UnprocessedItems?.[tableName] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        }
        if (requests.length > 0) throw new Error(`could not store the history of ${info.id}`);
      }
    },

    /** The daily values from `from` to `to` inclusive (null where unknown). */
    async history(id: string, from: string, to: string): Promise<(number | null)[]> {
      const first = dayNumberOf(from) as number;
      const last = dayNumberOf(to) as number;
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :series AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':series': `INSIGHTS#SERIES#${id}`,
          ':from': `YEAR#${from.slice(0, 4)}`,
          ':to': `YEAR#${to.slice(0, 4)}`,
        },
      });
      const values: (number | null)[] = new Array(last - first + 1).fill(null);
      for (const item of items) {
        const yearStart = dayNumberFromParts(item.year as number, 1, 1);
        (item.values as (number | null)[]).forEach((value, index) => {
          const position = yearStart + index - first;
          if (position >= 0 && position < values.length) values[position] = value;
        });
      }
      return values;
    },

    async putForecast(forecast: StoredForecast): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            PK: `INSIGHTS#FORECAST#${forecast.seriesId}`,
            SK: 'LATEST',
            entity: 'InsightsForecast',
            ...forecast,
          },
        }),
      );
    },

    async getForecast(seriesId: string): Promise<StoredForecast | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: `INSIGHTS#FORECAST#${seriesId}`, SK: 'LATEST' } }),
      );
      if (!Item) return null;
      const { PK: _pk, SK: _sk, entity: _entity, ...forecast } = Item;
      return forecast as StoredForecast;
    },
  };
}

export type InsightsStore = ReturnType<typeof createInsightsStore>;
