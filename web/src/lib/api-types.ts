// The boats catalogue as the site's pages receive it from the domain services, as types inferred from the
// domain's own zod schemas (functions/boats/catalogue/model.ts, published by functions/boats/index.ts).
// Type-only imports: they vanish at build time, so no server code ships to browsers, and a change to the
// contract that breaks a page fails `astro check`.
import type { z } from 'zod';
import type { Port as PortSchema, RouteList } from '../../../functions/boats/index';

export type RouteListResponse = z.infer<typeof RouteList>;
export type BoatRoute = RouteListResponse['routes'][number];
export type SightseeingFee = BoatRoute['sightseeingFee'];
export type FeePolicy = RouteListResponse['feePolicy'];
export type Port = z.infer<typeof PortSchema>;
export type Coordinates = Port['position'];
