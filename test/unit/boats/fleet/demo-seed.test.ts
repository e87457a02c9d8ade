import { describe, expect, it } from 'vitest';
import { readBoatsCatalogueSeed } from '../../../../functions/boats/catalogue/seed.js';
import { demoDepartures, readDemoFleetSeed } from '../../../../functions/boats/fleet/demo-seed.js';
import { Boat } from '../../../../functions/boats/fleet/model.js';

// The 2015 shared-boat ceilings per person (shared/domain/halong-bay.md); route 6 has none published.
const adultFareCeiling: Record<number, number> = { 1: 100000, 2: 150000, 3: 300000, 4: 300000, 5: 300000 };

describe('the demo fleet seed', () => {
  it('is labelled as demo data and includes the demo operator account’s company', async () => {
    const seed = await readDemoFleetSeed();
    expect(seed.demo).toBe(true);
    expect(seed.note).toMatch(/DEMO DATA/);
    expect(seed.operators.map(({ id }) => id)).toContain('demo-bay-cruises');
  });

  it('has boats of 20–60 seats, one over 50 with AIS and one with an expired certificate', async () => {
    const { boats } = await readDemoFleetSeed();
    for (const boat of boats) expect(boat.certifiedCapacity).toBeGreaterThanOrEqual(20);
    for (const boat of boats) expect(boat.certifiedCapacity).toBeLessThanOrEqual(60);
    expect(boats.some((boat) => boat.certifiedCapacity > 50 && /^\d{9}$/.test(boat.mmsi ?? ''))).toBe(true);
    expect(boats.some((boat) => boat.safetyCertificateExpiresOn < '2026-11-01')).toBe(true);
  });

  it('refuses a boat over 50 passengers without an MMSI', async () => {
    const { boats } = await readDemoFleetSeed();
    const large = boats.find((boat) => boat.certifiedCapacity > 50);
    const result = Boat.safeParse({ ...large, mmsi: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['mmsi']);
  });

  it('schedules known routes and ports, with adult fares within the published ceilings', async () => {
    const [seed, catalogue] = await Promise.all([readDemoFleetSeed(), readBoatsCatalogueSeed()]);
    const routes = new Set(catalogue.routes.map(({ id }) => id));
    const ports = new Set(catalogue.ports.map(({ id }) => id));
    for (const schedule of seed.schedules) {
      expect(routes.has(schedule.routeId)).toBe(true);
      expect(ports.has(schedule.portId)).toBe(true);
      expect(schedule.fares.adult).toBeLessThanOrEqual(adultFareCeiling[schedule.routeId] ?? 300000);
      for (const fare of Object.values(schedule.fares))
        expect(fare).toBeLessThanOrEqual(schedule.fares.adult);
    }
  });

  it('generates departures only ahead of now and within each boat’s certificate', async () => {
    const seed = await readDemoFleetSeed();
    const now = new Date('2027-09-20T03:00:00Z'); // 10:00 in Hạ Long
    const departures = demoDepartures(seed, now);
    expect(departures.every((departure) => departure.departsAt > now.toISOString())).toBe(true);
    // Bay Pearl 02's certificate ends on 30 September 2027: nothing after that day.
    const pearl02 = departures.filter((departure) => departure.boatId === 'bay-pearl-02');
    expect(pearl02.at(-1)?.localDate).toBe('2027-09-30');
    // Today's 08:00 departures have left; the 12:30 ones are still listed.
    const today = departures.filter((departure) => departure.localDate === '2027-09-20');
    expect(today.map((departure) => departure.id)).toContain('dep-20270920-1230-bay-pearl-01');
    expect(today.map((departure) => departure.id)).not.toContain('dep-20270920-0800-bay-pearl-01');
  });
});
