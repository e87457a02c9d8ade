/**
 * The demo counters' trades (GENERATED DEMO DATA): which company sells which route from which port, with what
 * boats and at what average price — read from the seeded catalogue (routes, ports, fees and their discounts) and
 * demo fleet (companies, boats, schedules, fares), so the demo history sells what the platform seeds.
 */
import type { BoatsCatalogueSeed } from '../boats/catalogue/model.js';
import type { PassengerCategory } from '../boats/departures/model.js';
import { departurePrices } from '../boats/departures/pricing.js';
import type { DemoFleetSeed } from '../boats/fleet/demo-seed.js';
import type { DemoTrade } from '../insights/rollups/demo-counters.js';

/** Who travels (invented, demo): the share of passengers in each category. */
const PASSENGER_MIX: Record<PassengerCategory, number> = {
  adult: 0.78,
  'child-7-to-12': 0.08,
  'child-under-7': 0.06,
  'vietnamese-senior-60': 0.07,
  'severe-disability': 0.01,
};

/**
 * Where the demo sells routes beyond the fleet's schedules, by the companies sailing from these ports (invented,
 * so every port has its trade: Bái Tử Long's routes from Hòn Gai and Cái Rồng, the coastal route along the city),
 * at the published shared-boat fare ceiling (routes 3–5: 300,000 VND; route 6 as the demo fleet prices it; 7 and
 * 8 have none: demo choices).
 */
const MORE_ROUTE_PORTS: Record<number, { ports: string[]; adultFare: number }> = {
  4: { ports: ['hon-gai', 'cai-rong'], adultFare: 300_000 },
  5: { ports: ['tuan-chau'], adultFare: 300_000 },
  6: { ports: ['cai-rong'], adultFare: 300_000 },
  7: { ports: ['tuan-chau', 'ha-long-cruise-port', 'hon-gai'], adultFare: 300_000 },
  8: { ports: ['tuan-chau', 'ha-long-cruise-port', 'hon-gai'], adultFare: 100_000 },
};
/** The home port of a company without a schedule (its name says Vân Đồn). */
const HOME_PORTS: Record<string, string> = { 'van-don-island-express': 'cai-rong' };

export function demoTrades(catalogue: BoatsCatalogueSeed, fleet: DemoFleetSeed): DemoTrade[] {
  const averagePrice = (routeId: number, fares: Record<PassengerCategory, number>) => {
    const fee = catalogue.routes.find((route) => route.id === routeId)?.sightseeingFee;
    return (date: string) => {
      const feeVnd =
        fee?.amountVnd != null && (fee.chargedSince === null || fee.chargedSince <= date)
          ? fee.amountVnd
          : null;
      const { prices } = departurePrices(fares, feeVnd, catalogue.feePolicy);
      return Math.round(
        Object.entries(PASSENGER_MIX).reduce(
          (sum, [category, share]) => sum + share * prices[category as PassengerCategory],
          0,
        ),
      );
    };
  };
  const boat = (id: string) => fleet.boats.find((candidate) => candidate.id === id);
  const trades: DemoTrade[] = [];
  for (const schedule of fleet.schedules) {
    const sailed = boat(schedule.boatId);
    if (!sailed) continue;
    const tripsPerWeek = schedule.localTimes.length * (schedule.weekdays?.length ?? 7);
    const same = trades.find(
      (trade) =>
        trade.routeId === schedule.routeId &&
        trade.portId === schedule.portId &&
        trade.operatorId === sailed.operatorId,
    );
    const weight = sailed.certifiedCapacity * tripsPerWeek;
    if (same) {
      // A company with two boats on one route: one trade, its seats the mean by trips.
      same.seatsPerTrip = Math.round(
        (same.seatsPerTrip * same.weight + sailed.certifiedCapacity * weight) / (same.weight + weight),
      );
      same.weight += weight;
      continue;
    }
    trades.push({
      routeId: schedule.routeId,
      portId: schedule.portId,
      operatorId: sailed.operatorId,
      seatsPerTrip: sailed.certifiedCapacity,
      weight,
      averagePriceOn: averagePrice(schedule.routeId, schedule.fares),
    });
  }
  const homePort = (operatorId: string) =>
    HOME_PORTS[operatorId] ??
    fleet.schedules.find((schedule) => boat(schedule.boatId)?.operatorId === operatorId)?.portId;
  for (const [routeId, { ports, adultFare }] of Object.entries(MORE_ROUTE_PORTS)) {
    for (const portId of ports) {
      for (const operator of fleet.operators) {
        const sailsFromPort =
          homePort(operator.id) === portId ||
          fleet.schedules.some(
            (schedule) => schedule.portId === portId && boat(schedule.boatId)?.operatorId === operator.id,
          );
        const sold = trades.some(
          (trade) =>
            trade.routeId === Number(routeId) && trade.portId === portId && trade.operatorId === operator.id,
        );
        if (!sailsFromPort || sold) continue;
        const boats = fleet.boats.filter((candidate) => candidate.operatorId === operator.id);
        const seats = boats.reduce((sum, candidate) => sum + candidate.certifiedCapacity, 0);
        // The demo fleet's own ratios of the other fares to the adult fare.
        const fares = {
          adult: adultFare,
          'child-7-to-12': Math.round(adultFare * 0.7),
          'child-under-7': Math.round(adultFare * 0.5),
          'vietnamese-senior-60': Math.round(adultFare * 0.8),
          'severe-disability': Math.round(adultFare * 0.5),
        };
        trades.push({
          routeId: Number(routeId),
          portId,
          operatorId: operator.id,
          seatsPerTrip: Math.round(seats / boats.length),
          weight: seats,
          averagePriceOn: averagePrice(Number(routeId), fares),
        });
      }
    }
  }
  return trades;
}
