/**
 * Rules of the boats catalogue: every route is shown with the fee discounts that apply on all routes, and an
 * edited route may only depart from a port the catalogue knows. No HTTP and no SDK types here.
 */
import type { Port, RouteDetails, RouteWithDiscounts } from './model.js';
import type { BoatsStore } from './store.js';

export class RouteNotFoundError extends Error {
  override readonly name = 'RouteNotFoundError';
  constructor(readonly routeId: number) {
    super(`There is no route ${routeId}.`);
  }
}

export class UnknownPortError extends Error {
  override readonly name = 'UnknownPortError';
  constructor(readonly portId: string) {
    super(`There is no port "${portId}".`);
  }
}

export function createBoatsCatalog(store: BoatsStore, clock: () => Date = () => new Date()) {
  return {
    async listRoutes() {
      const [routes, feePolicy] = await Promise.all([store.listRoutes(), store.getFeePolicy()]);
      return {
        routes: routes.map((route): RouteWithDiscounts => ({ ...route, discounts: feePolicy.discounts })),
        feePolicy,
      };
    },

    async getRoute(id: number): Promise<RouteWithDiscounts> {
      const [route, feePolicy] = await Promise.all([store.getRoute(id), store.getFeePolicy()]);
      if (!route) throw new RouteNotFoundError(id);
      return { ...route, discounts: feePolicy.discounts };
    },

    /** Replaces a route's details (fees change by provincial decision); the route number stays. */
    async updateRoute(id: number, details: RouteDetails): Promise<RouteWithDiscounts> {
      if (details.departurePortId !== null) {
        const ports = await store.listPorts();
        if (!ports.some((port) => port.id === details.departurePortId)) {
          throw new UnknownPortError(details.departurePortId);
        }
      }
      const route = { ...details, id, updatedAt: clock().toISOString() };
      if (!(await store.replaceRoute(route))) throw new RouteNotFoundError(id);
      const feePolicy = await store.getFeePolicy();
      return { ...route, discounts: feePolicy.discounts };
    },

    async listPorts(): Promise<Port[]> {
      return store.listPorts();
    },
  };
}

export type BoatsCatalog = ReturnType<typeof createBoatsCatalog>;
