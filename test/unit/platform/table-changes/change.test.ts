// A stream record read as a plain change: keys, both images, its id, and whether the table's time to live removed it.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { tableChangeOf } from '../../../../functions/platform/table-changes/change.js';

const image = (value: Record<string, unknown>) =>
  marshall(value) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
const before = { PK: 'TRACKING#LATEST', SK: 'BOAT#halong-star', fixTime: '2025-07-19T07:00:00.000Z' };
const after = { ...before, fixTime: '2025-07-19T07:00:05.000Z' };

describe('tableChangeOf', () => {
  it('reads the id, the keys and both images as plain objects', () => {
    const record: DynamoDBRecord = {
      eventID: 'c81e728d9d4c2f636f067f89cc14862c',
      eventName: 'MODIFY',
      dynamodb: {
        Keys: image({ PK: before.PK, SK: before.SK }),
        NewImage: image(after),
        OldImage: image(before),
      },
    };
    expect(tableChangeOf(record)).toEqual({
      id: 'c81e728d9d4c2f636f067f89cc14862c',
      kind: 'MODIFY',
      keys: { PK: 'TRACKING#LATEST', SK: 'BOAT#halong-star' },
      newItem: after,
      oldItem: before,
      expired: false,
    });
  });

  it('tells a removal by the time to live (signed by the service) from a writer’s removal', () => {
    const removal = (userIdentity?: DynamoDBRecord['userIdentity']): DynamoDBRecord => ({
      eventID: '1',
      eventName: 'REMOVE',
      dynamodb: { Keys: image({ PK: before.PK, SK: before.SK }), OldImage: image(before) },
      ...(userIdentity && { userIdentity }),
    });
    expect(tableChangeOf(removal({ type: 'Service', principalId: 'dynamodb.amazonaws.com' }))?.expired).toBe(
      true,
    );
    expect(tableChangeOf(removal())?.expired).toBe(false);
  });

  it('reads nothing from a record without keys', () => {
    expect(tableChangeOf({ eventID: '2', eventName: 'INSERT', dynamodb: {} })).toBeNull();
  });
});
