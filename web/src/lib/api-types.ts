// The parts of the API's JSON the site reads, as types inferred from the API's own zod schemas
// (functions/boats/model.ts). Type-only imports: they vanish at build time, so no server code ships to
// browsers, and a change to the contract that breaks the site fails `astro check`.
import type { z } from 'zod';
import type { RouteList } from '../../../functions/boats/model';

/** GET /api/boats/routes */
export type RouteListResponse = z.infer<typeof RouteList>;
export type BoatRoute = RouteListResponse['routes'][number];
export type SightseeingFee = BoatRoute['sightseeingFee'];
export type FeeComponent = SightseeingFee['components'][number];
export type FeePolicy = RouteListResponse['feePolicy'];

/** A shallow check that an answer has the RouteList shape, so a wrong deployment shows an error, not a crash. */
export function isRouteListResponse(value: unknown): value is RouteListResponse {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RouteListResponse>;
  return (
    Array.isArray(candidate.routes) &&
    typeof candidate.feePolicy === 'object' &&
    candidate.feePolicy !== null &&
    Array.isArray(candidate.feePolicy.discounts)
  );
}
