/**
 * Rules of the boats catalogue: every route is shown with the fee discounts that apply on all routes, an
 * edited route may only depart from a port the catalogue knows, and the cancellation policy is read and
 * replaced whole. No HTTP and no SDK types here.
 */
import type { CancellationPolicy } from './cancellation-policy.js';
import type { Port, RouteDetails, RouteWithDiscounts } from './model.js';
import type { CatalogueStore } from './store.js';

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

export function createCatalogueService(store: CatalogueStore, clock: () => Date = () => new Date()) {
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

    /** The policy in force; null only before the catalogue is seeded. */
    async getCancellationPolicy(): Promise<CancellationPolicy | null> {
      return store.getCancellationPolicy();
    },

    /** Applies to cancellations from now on, including those of bookings already paid. */
    async replaceCancellationPolicy(policy: CancellationPolicy): Promise<void> {
      await store.replaceCancellationPolicy(policy);
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
