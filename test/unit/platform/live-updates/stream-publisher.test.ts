// The stream's reader: records read as plain changes, each item's changes published in order, a failing record
// logged and skipped without holding up the others.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { LiveUpdate, LiveUpdatesPort } from '../../../../functions/platform/live-updates/port.js';
import {
  createStreamPublisher,
  type TableChange,
} from '../../../../functions/platform/live-updates/stream-publisher.js';
import type { Logger } from '../../../../functions/platform/logger.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: Record<string, unknown>,
  old: Record<string, unknown> | null = null,
): DynamoDBRecord {
  const image = (value: Record<string, unknown>) =>
    marshall(value) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
  return {
    eventName,
    dynamodb: {
      Keys: image({ PK: item.PK, SK: item.SK }),
      ...(eventName !== 'REMOVE' && { NewImage: image(item) }),
      ...(old && { OldImage: image(old) }),
    },
  };
}

function recordingPort() {
  const published: { topics: readonly string[]; message: LiveUpdate }[] = [];
  const port: LiveUpdatesPort = {
    async publish(topics, message) {
      published.push({ topics, message });
      return { delivered: 1 };
    },
  };
  return { port, published };
}

const position = (boat: string, fixTime: string) => ({
  PK: 'TRACKING#LATEST',
  SK: `BOAT#${boat}`,
  fixTime,
  speedKnots: 6.5,
});

describe('createStreamPublisher', () => {
  it('publishes what the domain makes of each change, each item’s changes in stream order', async () => {
    const { port, published } = recordingPort();
    const seen: TableChange[] = [];
    const handler = createStreamPublisher(
      async (change) => {
        seen.push(change);
        const boat = String(change.newItem?.SK).replace('BOAT#', '');
        // The first change of each boat is slow: a later change of the same boat must still come after it.
        if (change.newItem?.fixTime === '2025-07-19T07:00:00.000Z')
          await new Promise((r) => setTimeout(r, 20));
        return [
          { topics: [`tracking.boat.${boat}`], message: { type: 'boat', fixTime: change.newItem?.fixTime } },
        ];
      },
      { liveUpdates: port, logger: silent },
    );
    const event: DynamoDBStreamEvent = {
      Records: [
        record('MODIFY', position('halong-star', '2025-07-19T07:00:00.000Z')),
        record('MODIFY', position('bai-chay-01', '2025-07-19T07:00:00.000Z')),
        record('MODIFY', position('halong-star', '2025-07-19T07:00:05.000Z')),
      ],
    };
    await handler(event);
    expect(seen).toHaveLength(3);
    const ofStar = published.filter((entry) => entry.topics[0] === 'tracking.boat.halong-star');
    expect(ofStar.map((entry) => entry.message.fixTime)).toEqual([
      '2025-07-19T07:00:00.000Z',
      '2025-07-19T07:00:05.000Z',
    ]);
    expect(published).toHaveLength(3);
  });

  it('logs a change whose messages fail and publishes the rest of the batch', async () => {
    const { port, published } = recordingPort();
    const error = vi.fn();
    const handler = createStreamPublisher(
      async (change) => {
        if (change.keys.SK === 'BOAT#broken') throw new Error('no such boat');
        return [{ topics: ['tracking'], message: { type: 'boat' } }];
      },
      { liveUpdates: port, logger: { ...silent, error } },
    );
    await handler({
      Records: [
        record('MODIFY', position('broken', '2025-07-19T07:00:00.000Z')),
        record('MODIFY', position('halong-star', '2025-07-19T07:00:00.000Z')),
      ],
    });
    expect(published).toEqual([{ topics: ['tracking'], message: { type: 'boat' } }]);
    expect(error).toHaveBeenCalledWith(
      'live updates: a change was not published',
      expect.objectContaining({ PK: 'TRACKING#LATEST', SK: 'BOAT#broken' }),
    );
  });
});
