/**
 * Totals the boats domain stores beside their parts — a route fee and its components, a booking and its price
 * lines, a departure's capacity and its seat counters — are checked by the one schema that both writes and
 * reads them, and a disagreement names every field involved.
 */
import { describe, expect, it } from 'vitest';
import { Booking } from '../../../functions/boats/bookings/model.js';
import { SightseeingFee } from '../../../functions/boats/catalogue/model.js';
import { Departure } from '../../../functions/boats/departures/model.js';
import { isInconsistentTotal } from '../../../functions/platform/totals.js';

function failingPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('a route fee', () => {
  const fee = {
    amountVnd: 290000,
    unit: 'per-person',
    components: [
      { kind: 'sightseeing', amountVnd: 250000 },
      { kind: 'port', amountVnd: 40000 },
    ],
    chargedSince: '2026-01-01',
  };

  it('is its components’ sum, or has none listed', () => {
    expect(SightseeingFee.safeParse(fee).success).toBe(true);
    expect(SightseeingFee.safeParse({ ...fee, components: [] }).success).toBe(true);
    expect(SightseeingFee.safeParse({ ...fee, amountVnd: null, components: [] }).success).toBe(true);
  });

  it('refuses a total that differs from its components, or a missing total beside them', () => {
    for (const wrong of [
      { ...fee, amountVnd: 300000 },
      { ...fee, amountVnd: null },
    ]) {
      const result = SightseeingFee.safeParse(wrong);
      expect(failingPaths(result)).toEqual(['amountVnd', 'components']);
      expect(result.error?.issues.every(isInconsistentTotal)).toBe(true);
    }
  });
});

const booking = {
  id: 'HL7K2QX9MD',
  status: 'confirmed',
  departure: {
    id: 'dep-20261124-0800-ha-long-pearl',
    routeId: 2,
    portId: 'tuan-chau',
    departsAt: '2026-11-24T01:00:00.000Z',
    localDate: '2026-11-24',
    operator: { id: 'demo-bay-cruises', name: 'Demo Bay Cruises' },
    boat: { id: 'ha-long-pearl', name: 'Ha Long Pearl' },
  },
  seats: 3,
  passengers: [],
  language: 'en',
  lines: [
    { category: 'adult', quantity: 2, unitPrice: 440000, amount: 880000 },
    { category: 'child-under-7', quantity: 1, unitPrice: 150000, amount: 150000 },
  ],
  total: 1030000,
  currency: 'VND',
  sightseeingFeeIncluded: true,
  accessTokenHash: 'hash',
  createdAt: '2026-11-20T01:00:00.000Z',
  holdExpiresAt: '2026-11-20T01:15:00.000Z',
};

describe('a booking', () => {
  it('reads when its total is the sum of its lines and its seats the passengers they count', () => {
    expect(Booking.safeParse(booking).success).toBe(true);
  });

  it('does not when the total, a line’s amount or the seats disagree', () => {
    expect(failingPaths(Booking.safeParse({ ...booking, total: 1000000 }))).toEqual(['total', 'lines']);
    expect(failingPaths(Booking.safeParse({ ...booking, seats: 4 }))).toEqual(['seats', 'lines']);
    const [adults, child] = booking.lines;
    const wrongLine = { ...booking, lines: [{ ...adults, amount: 800000 }, child], total: 950000 };
    expect(failingPaths(Booking.safeParse(wrongLine))).toEqual(['lines.0.amount']);
  });
});

describe('a departure', () => {
  const departure = {
    id: 'dep-20261124-0800-ha-long-pearl',
    routeId: 2,
    portId: 'tuan-chau',
    operatorId: 'demo-bay-cruises',
    operatorName: 'Demo Bay Cruises',
    boatId: 'ha-long-pearl',
    boatName: 'Ha Long Pearl',
    departsAt: '2026-11-24T01:00:00.000Z',
    localDate: '2026-11-24',
    capacity: 48,
    held: 3,
    sold: 5,
    seatsFree: 40,
    status: 'open',
    fares: {
      adult: 150000,
      'child-7-to-12': 150000,
      'child-under-7': 75000,
      'vietnamese-senior-60': 150000,
      'severe-disability': 150000,
    },
    createdAt: '2026-11-01T00:00:00.000Z',
  };

  it('reads when held, sold and free seats make up its capacity, and not otherwise', () => {
    expect(Departure.safeParse(departure).success).toBe(true);
    expect(failingPaths(Departure.safeParse({ ...departure, seatsFree: 41 }))).toEqual([
      'capacity',
      'held',
      'sold',
      'seatsFree',
    ]);
  });
});
