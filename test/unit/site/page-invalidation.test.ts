// The table's stream read for stale pages: one invalidation per batch, of the pages showing what changed, once the
// site functions' page data cache has let go of what it read before; nothing for changes no page shows.
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Invalidation } from '../../../functions/platform/cdn/port.js';
import { createLogger } from '../../../functions/platform/logger.js';
import {
  invalidateStalePages,
  LONGEST_WAIT_MILLISECONDS,
  storedItemChange,
} from '../../../functions/site/page-invalidation.js';

type Image = Record<string, AttributeValue>;

let sequence = 0;
/** A stream record as Lambda delivers it (NEW_AND_OLD_IMAGES), created at `at` (epoch seconds). */
function record(
  PK: string,
  SK: string,
  images: { old?: Image; new?: Image },
  at = 1_798_099_200,
): DynamoDBRecord {
  sequence += 1;
  const eventName = !images.old ? 'INSERT' : !images.new ? 'REMOVE' : 'MODIFY';
  return {
    eventID: `event-${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: at,
      Keys: { PK: { S: PK }, SK: { S: SK } },
      ...(images.old && { OldImage: { PK: { S: PK }, SK: { S: SK }, ...images.old } }),
      ...(images.new && { NewImage: { PK: { S: PK }, SK: { S: SK }, ...images.new } }),
      SequenceNumber: String(sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

const departure = (held: number, seatsFree: number, status = 'open'): Image => ({
  capacity: { N: '40' },
  held: { N: String(held) },
  sold: { N: '0' },
  seatsFree: { N: String(seatsFree) },
  status: { S: status },
  fares: { M: { adult: { N: '250000' }, child: { N: '150000' } } },
});

function setUp(options: { now?: number; fails?: boolean } = {}) {
  const asked: Invalidation[] = [];
  const waited: number[] = [];
  const logged: { level: string; message: string; [field: string]: unknown }[] = [];
  const handle = invalidateStalePages({
    cdn: {
      invalidate: async (invalidation) => {
        asked.push(invalidation);
        if (options.fails)
          throw Object.assign(new Error('Too many in progress'), { name: 'TooManyInvalidationsInProgress' });
        return { id: 'I2J0I21PCUYOIK' };
      },
    },
    logger: createLogger('info', (line) => logged.push(JSON.parse(line))),
    // Long after the records' time, unless a test says otherwise.
    clock: () => options.now ?? 1_798_100_000_000,
    sleep: async (milliseconds) => {
      waited.push(milliseconds);
    },
  });
  return { handle: (records: DynamoDBRecord[]) => handle({ Records: records }), asked, waited, logged };
}

describe('invalidating the pages a stream batch made stale', () => {
  it('asks once for the paths of every page showing what changed, naming the batch by its first and last records', async () => {
    const { handle, asked, logged } = setUp();
    const batch = [
      record('MUSEUM#CATALOG', 'EXHIBIT#bronze-drum', {
        old: { title: { S: 'Trống' } },
        new: { title: { S: 'Trống đồng' } },
      }),
      record('BOOKING#HL7K2M9Q4T', 'BOOKING', { new: { status: { S: 'on_hold' } } }),
      record('WIFI#HOTSPOTS', 'HOTSPOT#hl-001', { old: { name: { S: 'Bãi Cháy' } } }),
    ];
    await handle(batch);
    expect(asked).toEqual([
      {
        paths: ['/en/museum*', '/en/welcome*', '/en/wifi*', '/vi/museum*', '/vi/welcome*', '/vi/wifi*'],
        reference: `${batch[0]?.eventID}:${batch[2]?.eventID}`,
      },
    ]);
    expect(logged).toMatchObject([
      { level: 'info', message: 'stale pages invalidated', invalidation: 'I2J0I21PCUYOIK', records: 3 },
    ]);
  });

  it('asks nothing for seats moving, bookings, holds and counters: the pages’ cache lifetime covers them', async () => {
    const { handle, asked, waited } = setUp();
    await handle([
      record('DEPARTURES#2026-12-24', 'DEPARTURE#0800#bay-pearl-01', {
        old: departure(0, 40),
        new: departure(2, 38),
      }),
      record('BOOKING#HL7K2M9Q4T', 'BOOKING', { new: { status: { S: 'on_hold' } } }),
      record('HOLDS#2026-12-24', 'HOLD#2026-12-24T01:10:00.000Z#HL7K2M9Q4T', { new: {} }),
      record('MUSEUM#STATS#2026-12-24', 'DAY', { old: { visits: { N: '1' } }, new: { visits: { N: '2' } } }),
    ]);
    expect(asked).toEqual([]);
    expect(waited).toEqual([]);
  });

  it('invalidates the departure search when a departure is scheduled, cancelled or repriced', async () => {
    const { handle, asked } = setUp();
    const key = ['DEPARTURES#2026-12-24', 'DEPARTURE#0800#bay-pearl-01'] as const;
    await handle([record(...key, { new: departure(0, 40) })]);
    await handle([record(...key, { old: departure(2, 38), new: departure(2, 38, 'cancelled') })]);
    expect(asked.map((invalidation) => invalidation.paths)).toEqual([
      [
        '/en/boats/departures*',
        '/en/boats/routes/*',
        '/en/welcome*',
        '/vi/boats/departures*',
        '/vi/boats/routes/*',
        '/vi/welcome*',
      ],
      [
        '/en/boats/departures*',
        '/en/boats/routes/*',
        '/en/welcome*',
        '/vi/boats/departures*',
        '/vi/boats/routes/*',
        '/vi/welcome*',
      ],
    ]);
  });

  it('waits until a page data cache that read just before the change has let go of it', async () => {
    // The newest record was made at 1_798_099_200 s (rounded down), half a second ago.
    const { handle, waited, asked } = setUp({ now: 1_798_099_200_500 });
    await handle([
      record('MUSEUM#CATALOG', 'VISITING', { new: {} }, 1_798_099_190),
      record('MUSEUM#CATALOG', 'VISITING', { new: {} }, 1_798_099_200),
    ]);
    // Until 1 s (the rounding) + 1 s (reads eventually consistent) + 5 s (PAGE_DATA_CACHE) after the newest record.
    expect(waited).toEqual([6_500]);
    expect(asked).toHaveLength(1);
  });

  it('waits 7 s at most, whatever the records’ dates say', async () => {
    const { handle, waited } = setUp({ now: 1_798_099_200_000 });
    await handle([record('MUSEUM#CATALOG', 'VISITING', { new: {} }, 1_798_099_200 + 3600)]);
    expect(waited).toEqual([LONGEST_WAIT_MILLISECONDS]);
    expect(LONGEST_WAIT_MILLISECONDS).toBe(7_000);
  });

  it('logs a CDN that refuses or fails, and lets the batch go rather than hold back the next', async () => {
    const { handle, logged } = setUp({ fails: true });
    await expect(handle([record('WIFI#HOTSPOTS', 'HOTSPOT#hl-001', { new: {} })])).resolves.toBeUndefined();
    expect(logged).toMatchObject([
      {
        level: 'error',
        message: 'stale pages not invalidated',
        topics: ['hotspots'],
        paths: ['/en/welcome*', '/en/wifi*', '/vi/welcome*', '/vi/wifi*'],
        error: { name: 'TooManyInvalidationsInProgress' },
      },
    ]);
  });
});

describe('the change a stream record tells of', () => {
  it('is the whole item when it was added or removed', () => {
    expect(storedItemChange(record('WIFI#HOTSPOTS', 'HOTSPOT#hl-001', { old: { a: { S: '1' } } }))).toEqual({
      partitionKey: 'WIFI#HOTSPOTS',
      sortKey: 'HOTSPOT#hl-001',
      changedAttributes: null,
    });
  });

  it('names the attributes that differ, whatever the order of a map’s entries', () => {
    const change = storedItemChange(
      record('DEPARTURES#2026-12-24', 'DEPARTURE#0800#bay-pearl-01', {
        old: { fares: { M: { adult: { N: '1' }, child: { N: '2' } } }, held: { N: '0' }, note: { S: 'x' } },
        new: { fares: { M: { child: { N: '2' }, adult: { N: '1' } } }, held: { N: '2' }, extra: { S: 'y' } },
      }),
    );
    expect(change?.changedAttributes).toEqual(['held', 'note', 'extra']);
  });
});
