import { describe, expect, it } from 'vitest';
import { readBoatsCatalogueSeed } from '../../../../functions/boats/catalogue/seed.js';

// The seed is checked against shared/domain/halong-bay.md: a typo in a fee would mislead every visitor.
describe('the boats catalogue seed', () => {
  it('holds the official routes 1–8 with the published fees', async () => {
    const catalogue = await readBoatsCatalogueSeed();
    const fees = catalogue.routes.map((route) => [
      route.id,
      route.sightseeingFee.amountVnd,
      route.sightseeingFee.unit,
    ]);
    expect(fees).toEqual([
      [1, 290000, 'per-person'],
      [2, 290000, 'per-person'],
      [3, null, 'per-person'],
      [4, null, 'per-person'],
      [5, 290000, 'per-person'],
      [6, 150000, 'per-person-per-day'],
      [7, 600000, 'per-person'],
      [8, 70000, 'per-person'],
    ]);
  });

  it('adds up every fee breakdown to its total', async () => {
    const catalogue = await readBoatsCatalogueSeed();
    for (const { sightseeingFee } of catalogue.routes) {
      if (sightseeingFee.components.length === 0) continue;
      expect(sightseeingFee.components.reduce((sum, part) => sum + part.amountVnd, 0)).toBe(
        sightseeingFee.amountVnd,
      );
    }
  });

  it('marks routes 6–8 as charged since 1 May 2025 and names real departure ports', async () => {
    const catalogue = await readBoatsCatalogueSeed();
    const charged = catalogue.routes.filter((route) => route.sightseeingFee.chargedSince === '2025-05-01');
    expect(charged.map((route) => route.id)).toEqual([6, 7, 8]);
    const portIds = new Set(catalogue.ports.map((port) => port.id));
    for (const route of catalogue.routes) {
      if (route.departurePortId) expect(portIds.has(route.departurePortId)).toBe(true);
    }
  });

  it('has the four ports with their published coordinates', async () => {
    const catalogue = await readBoatsCatalogueSeed();
    expect(catalogue.ports.map((port) => [port.id, port.position.lat, port.position.lon])).toEqual([
      ['tuan-chau', 20.92, 106.993],
      ['ha-long-cruise-port', 20.952, 107.048],
      ['hon-gai', 20.95, 107.08],
      ['cai-rong', 21.06, 107.42],
    ]);
  });
});
