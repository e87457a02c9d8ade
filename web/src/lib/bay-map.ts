// The bay map's frame and projection, shared by the static land layer (scripts/make-bay-map.ts) and the markers
// the site draws over it, so a marker lands where the coast is drawn.

export interface GeoPosition {
  lat: number;
  lon: number;
}

export interface MapPoint {
  x: number;
  y: number;
}

/**
 * The part of Hạ Long Bay the map shows, and its size in SVG user units. The box covers Tuần Châu, the Bãi Cháy
 * and Hòn Gai waterfront with the city's hotspots and the Quảng Ninh Museum, and the sights south to Lan Hạ Bay and
 * east to Cửa Vạn; the Cái Rồng pier (Vân Đồn, 107.42° E) lies outside it. The height follows from the width and
 * the projection.
 */
export const BAY_MAP = (() => {
  const box = { west: 106.95, south: 20.74, east: 107.2, north: 21.0 } as const;
  const width = 400;
  const eastwardShrink = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
  const height = Math.round((width * (box.north - box.south)) / ((box.east - box.west) * eastwardShrink));
  return { box, width, height } as const;
})();

/**
 * Where `position` falls on the map, in user units from the top-left corner: equirectangular, a degree of
 * longitude shortened by the cosine of the box's middle latitude (a 30 km box distorts by well under 1 %), north up.
 */
export function project({ lat, lon }: GeoPosition): MapPoint {
  const { box, width, height } = BAY_MAP;
  return {
    x: ((lon - box.west) / (box.east - box.west)) * width,
    y: ((box.north - lat) / (box.north - box.south)) * height,
  };
}

/** Whether `position` lies in the map's box (its edges included). */
export function insideBayMap({ lat, lon }: GeoPosition): boolean {
  const { box } = BAY_MAP;
  return lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;
}

/**
 * What a marker on the bay map stands for, in drawing order (hotspot dots underneath, the visitor's position on top);
 * each kind has its own shape, so the map reads without colour.
 */
export const bayMapMarkerKinds = ['hotspot', 'sight', 'port', 'museum', 'here'] as const;
export type BayMapMarkerKind = (typeof bayMapMarkerKinds)[number];

export interface BayMapMarker extends GeoPosition {
  /** Stable within one map (a port's or hotspot's id), for tests and for a live map updating a marker. */
  id: string;
  kind: BayMapMarkerKind;
  /** The place's name in the page's language: the visible label, or a link's accessible name. */
  label: string;
  /** Where the marker leads; without it the marker is not a link. */
  href?: string;
}

/** Half the width of each kind's symbol, in user units, and its fill. */
export const bayMapSymbols: Record<BayMapMarkerKind, { radius: number; fill: string }> = {
  hotspot: { radius: 3.5, fill: '#1d4ed8' },
  sight: { radius: 7.5, fill: '#7a4a0c' },
  port: { radius: 6, fill: '#0b3f44' },
  museum: { radius: 7.5, fill: '#6b2a74' },
  here: { radius: 9, fill: '#b91c1c' },
};

/**
 * The map's colours. Sea and land are light, so dark symbols (≥ 3:1) and dark labels (≥ 4.5:1, even without their
 * white halo) stand out on both; the static land layer is drawn with the same sea, land and coast.
 */
export const bayMapColours = {
  sea: '#cde5e6',
  land: '#f4efe2',
  coast: '#8f8267',
  label: '#1c2a2e',
  linkLabel: '#0b6168',
  halo: '#ffffff',
} as const;
