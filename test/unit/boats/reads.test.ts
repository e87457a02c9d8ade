import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { boatByMmsiFor, boatByTrackerIdFor, boatLookupsFor } from '../../../functions/boats/reads.js';
import type { PlatformConfig } from '../../../functions/platform/config.js';

const boat = (id: string, trackerId: string | null, mmsi: string | null = null) => ({
  PK: 'BOATS#FLEET',
  SK: `BOAT#${id}`,
  entity: 'Boat',
  id,
  operatorId: 'demo-bay-cruises',
  name: id,
  registrationNumber: 'QN-5868',
  class: 'day-cruise',
  certifiedCapacity: 40,
  safetyCertificateExpiresOn: '2028-01-01',
  trackerId,
  mmsi,
});

/** A table holding `fleet`, counting the Queries made of it (nothing is sent anywhere). */
function tableOf(fleet: ReturnType<typeof boat>[]) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
  const table = { queries: 0, db };
  vi.spyOn(db, 'send').mockImplementation(async () => {
    table.queries += 1;
    return { Items: fleet };
  });
  return table;
}

const config = { tableName: 'test' } as PlatformConfig;

describe('the boat of a tracker', () => {
  it('finds the boat registered with the tracker, reading the fleet once a minute', async () => {
    const table = tableOf([boat('bay-pearl-01', 'GT-1'), boat('bay-pearl-02', null)]);
    let now = 0;
    const boatOf = boatByTrackerIdFor({ db: table.db, config }, () => now);
    expect(await boatOf('GT-1')).toEqual({
      boatId: 'bay-pearl-01',
      boatName: 'bay-pearl-01',
      operatorId: 'demo-bay-cruises',
    });
    now = 59_000;
    await boatOf('GT-1');
    expect(table.queries).toBe(1);
    now = 60_000;
    await boatOf('GT-1');
    expect(table.queries).toBe(2);
  });

  it('reads the fleet again for a tracker it does not know, at most every 5 seconds', async () => {
    const fleet = [boat('bay-pearl-01', 'GT-1')];
    const table = tableOf(fleet);
    let now = 0;
    const boatOf = boatByTrackerIdFor({ db: table.db, config }, () => now);
    expect(await boatOf('GT-NEW')).toBeNull();
    now = 4_000;
    expect(await boatOf('GT-NEW')).toBeNull();
    expect(table.queries).toBe(1);
    fleet.push(boat('bay-pearl-02', 'GT-NEW'));
    now = 5_000;
    expect(await boatOf('GT-NEW')).toMatchObject({ boatId: 'bay-pearl-02' });
    expect(table.queries).toBe(2);
  });
});

describe('the boat of an MMSI', () => {
  it('finds the boat whose AIS transponder has the MMSI', async () => {
    const table = tableOf([boat('bay-pearl-star', 'GT-1', '574001234'), boat('bay-pearl-02', 'GT-2')]);
    const boatOf = boatByMmsiFor({ db: table.db, config }, () => 0);
    expect(await boatOf('574001234')).toEqual({
      boatId: 'bay-pearl-star',
      boatName: 'bay-pearl-star',
      operatorId: 'demo-bay-cruises',
    });
    expect(await boatOf('GT-2')).toBeNull();
  });

  it('does not read the fleet again for an MMSI it does not know: a receiver hears every ship', async () => {
    const table = tableOf([boat('bay-pearl-star', null, '574001234')]);
    let now = 0;
    const boatOf = boatByMmsiFor({ db: table.db, config }, () => now);
    for (now = 0; now < 60_000; now += 5_000) expect(await boatOf('477553000')).toBeNull();
    expect(table.queries).toBe(1);
  });

  it('shares one fleet read with the tracker look-up', async () => {
    const table = tableOf([boat('bay-pearl-star', 'GT-1', '574001234')]);
    const { boatByTrackerId, boatByMmsi } = boatLookupsFor({ db: table.db, config }, () => 0);
    expect(await boatByTrackerId('GT-1')).toMatchObject({ boatId: 'bay-pearl-star' });
    expect(await boatByMmsi('574001234')).toMatchObject({ boatId: 'bay-pearl-star' });
    expect(table.queries).toBe(1);
  });
});
