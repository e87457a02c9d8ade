import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { boatByTrackerIdFor } from '../../../functions/boats/reads.js';
import type { PlatformConfig } from '../../../functions/platform/config.js';

const boat = (id: string, trackerId: string | null) => ({
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
  mmsi: null,
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
