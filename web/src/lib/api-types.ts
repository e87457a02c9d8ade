// The parts of the API's JSON the site reads, mirrored by hand from functions/boats/model.ts so no server code ships to browsers.

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface Coordinates {
  lat: number;
  lon: number;
}

export interface RouteStop {
  name: LocalizedText;
  position: Coordinates | null;
}

export interface FeeComponent {
  kind: 'sightseeing' | 'port';
  amountVnd: number;
}

export interface SightseeingFee {
  /** VND has no minor unit: 290000 is 290,000 ₫. Null until the fee is published. */
  amountVnd: number | null;
  unit: 'per-person' | 'per-person-per-day';
  components: FeeComponent[];
  /** A calendar date (YYYY-MM-DD) in Vietnam. */
  chargedSince: string | null;
}

export interface FeeDiscount {
  id: string;
  percentOff: number;
  appliesTo: LocalizedText;
}

export interface BoatRoute {
  id: number;
  name: LocalizedText;
  summary: LocalizedText;
  stops: RouteStop[];
  departurePortId: string | null;
  typicalDuration: { minHours: number | null; maxHours: number | null; label: LocalizedText };
  sightseeingFee: SightseeingFee;
  discounts: FeeDiscount[];
  updatedAt: string;
}

export interface FeePolicy {
  discounts: FeeDiscount[];
  proof: LocalizedText;
}

/** GET /api/boats/routes */
export interface RouteListResponse {
  routes: BoatRoute[];
  feePolicy: FeePolicy;
}

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
