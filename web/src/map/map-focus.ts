// Where a map page opens when a link names a place: the alerts console's "show on the map" links to the map with
// `?boat=&lat=&lon=`, and the map opens there, close in, with that boat's panel.

export interface MapFocus {
  latitude: number;
  longitude: number;
  boatId: string | null;
}

/** The focus a page's query names; null without a valid latitude and longitude. */
export function focusOf(search: string): MapFocus | null {
  const query = new URLSearchParams(search);
  const [latitude, longitude] = [query.get('lat'), query.get('lon')].map((value) =>
    value && /^-?\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN,
  ) as [number, number];
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) return null;
  return { latitude, longitude, boatId: query.get('boat') || null };
}
