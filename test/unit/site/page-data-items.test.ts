// Which changes of stored items make shared pages stale, by the items' keys (docs/data-model.md).
import { describe, expect, it } from 'vitest';
import { PAGE_DATA_PARTITIONS, pageDataChangedByItem } from '../../../functions/site/page-data-items.js';

const added = (partitionKey: string, sortKey: string) =>
  pageDataChangedByItem({ partitionKey, sortKey, changedAttributes: null });
const modified = (partitionKey: string, sortKey: string, changedAttributes: string[]) =>
  pageDataChangedByItem({ partitionKey, sortKey, changedAttributes });

describe('the page data a changed item makes stale', () => {
  it.each([
    ['a route', 'BOATS#CATALOG', 'ROUTE#006', ['routes', 'departures']],
    ['a port', 'BOATS#CATALOG', 'PORT#tuan-chau', ['routes', 'departures']],
    ['the fee policy', 'BOATS#CATALOG', 'FEE_POLICY', ['routes', 'departures']],
    ['a departure', 'DEPARTURES#2026-12-24', 'DEPARTURE#0800#bay-pearl-01', ['departures']],
    ['an exhibit', 'MUSEUM#CATALOG', 'EXHIBIT#bronze-drum', ['museum']],
    ['a room', 'MUSEUM#CATALOG', 'ROOM#ground-floor-hall', ['museum']],
    ['the visiting information', 'MUSEUM#CATALOG', 'VISITING', ['museum']],
    ['a hotspot', 'WIFI#HOTSPOTS', 'HOTSPOT#hl-001', ['hotspots']],
  ])('%s changes %j', (_, partitionKey, sortKey, topics) => {
    expect(added(partitionKey, sortKey)).toEqual(topics);
    expect(modified(partitionKey, sortKey, ['name'])).toEqual(topics);
  });

  it.each([
    ['the cancellation policy (the booking form reads it fresh)', 'BOATS#CATALOG', 'CANCELLATION_POLICY'],
    ['a boat (departures copy its name)', 'BOATS#FLEET', 'BOAT#bay-pearl-01'],
    ['a booking', 'BOOKING#HL7K2M9Q4T', 'BOOKING'],
    ['a hold', 'HOLDS#2026-12-24', 'HOLD#2026-12-24T01:10:00.000Z#HL7K2M9Q4T'],
    ['a manifest entry', 'MANIFEST#2026-12-24', '0800#bay-pearl-01#HL7K2M9Q4T'],
    ['a museum visit count', 'MUSEUM#STATS#2026-12-24', 'DAY'],
    ['a Wi-Fi session', 'WIFI#SESSION#hl-001#nds-ab12', 'SESSION'],
    ['a rate limit', 'RATE#sign-in-address#ab12', '300#1798099200'],
    ['an item of a partition named like a shown one', 'WIFI#HOTSPOTS#OLD', 'HOTSPOT#hl-001'],
  ])('%s changes nothing pages show', (_, partitionKey, sortKey) => {
    expect(added(partitionKey, sortKey)).toEqual([]);
  });

  it('leaves seats moving on a departure to the pages’ cache lifetime', () => {
    const departure = ['DEPARTURES#2026-12-24', 'DEPARTURE#0800#bay-pearl-01'] as const;
    expect(modified(...departure, ['held', 'seatsFree'])).toEqual([]);
    expect(modified(...departure, ['held', 'sold'])).toEqual([]);
    expect(modified(...departure, ['seatsFree', 'status'])).toEqual(['departures']);
    expect(modified(...departure, ['fares'])).toEqual(['departures']);
    expect(
      pageDataChangedByItem({ partitionKey: departure[0], sortKey: departure[1], changedAttributes: null }),
    ).toEqual(['departures']);
  });

  it('is nothing when no attribute changed', () => {
    expect(modified('MUSEUM#CATALOG', 'EXHIBIT#bronze-drum', [])).toEqual([]);
  });
});

describe('the partitions of what pages show', () => {
  it('names the catalogues and hotspots exactly, and the departures by the prefix of their days', () => {
    expect(PAGE_DATA_PARTITIONS).toEqual({
      equal: ['BOATS#CATALOG', 'MUSEUM#CATALOG', 'WIFI#HOTSPOTS'],
      beginningWith: ['DEPARTURES#'],
    });
  });
});
