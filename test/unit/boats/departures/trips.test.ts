import { describe, expect, it } from 'vitest';
import { departureRunningAt } from '../../../../functions/boats/departures/trips.js';

const departure = (
  id: string,
  departsAt: string,
  overrides: { boatId?: string; routeId?: number; status?: 'open' | 'cancelled' | 'suspended' } = {},
) => ({
  id,
  boatId: overrides.boatId ?? 'bay-pearl-01',
  routeId: overrides.routeId ?? 1,
  departsAt,
  status: overrides.status ?? 'open',
});
// Route 1 lasts about 4 hours and route 2 a day and a night; route 3 gives no duration (4 hours assumed).
const routeHours = new Map([
  [1, 4],
  [2, 24],
]);
const idAt = (departures: ReturnType<typeof departure>[], instant: string, boatId = 'bay-pearl-01') =>
  departureRunningAt(departures, routeHours, boatId, new Date(instant))?.id;

describe('the departure a boat is running', () => {
  const morning = departure('morning', '2026-07-01T01:00:00.000Z');

  it('is the boat’s departure from the moment it leaves until its route’s duration and an hour after', () => {
    expect(idAt([morning], '2026-07-01T00:59:59Z')).toBeUndefined();
    expect(idAt([morning], '2026-07-01T01:00:00Z')).toBe('morning');
    expect(idAt([morning], '2026-07-01T06:00:00Z')).toBe('morning');
    expect(idAt([morning], '2026-07-01T06:00:01Z')).toBeUndefined();
  });

  it('is never another boat’s, nor a cancelled or suspended departure', () => {
    expect(idAt([morning], '2026-07-01T02:00:00Z', 'bay-pearl-02')).toBeUndefined();
    const cancelled = departure('cancelled', '2026-07-01T01:00:00.000Z', { status: 'cancelled' });
    const suspended = departure('suspended', '2026-07-01T01:00:00.000Z', { status: 'suspended' });
    expect(idAt([cancelled, suspended], '2026-07-01T02:00:00Z')).toBeUndefined();
  });

  it('is the one that left last when a trip’s margin overlaps the next', () => {
    const noon = departure('noon', '2026-07-01T05:30:00.000Z');
    expect(idAt([noon, morning], '2026-07-01T05:45:00Z')).toBe('noon');
  });

  it('counts an overnight cruise into the next day, and assumes 4 hours for a route without a duration', () => {
    const overnight = departure('overnight', '2026-07-01T05:00:00.000Z', { routeId: 2 });
    expect(idAt([overnight], '2026-07-02T05:30:00Z')).toBe('overnight');
    const unknownRoute = departure('unknown', '2026-07-01T01:00:00.000Z', { routeId: 3 });
    expect(idAt([unknownRoute], '2026-07-01T06:00:00Z')).toBe('unknown');
    expect(idAt([unknownRoute], '2026-07-01T06:01:00Z')).toBeUndefined();
  });
});
