// The bay map's static land layer: the land as one SVG path in the map's projection on a sea-coloured ground,
// in the same viewBox as the markers the site draws over it.
import type { Position } from 'geojson';
import { BAY_MAP, bayMapColours, project } from '../../web/src/lib/bay-map';

/**
 * The SVG document of `land` (polygons of [lon, lat] rings). Coordinates are written to a tenth of a user unit
 * (a few metres), each after the first as a step from the previous one, which keeps the file small.
 */
export function landSvg(land: Position[][][]): string {
  const { width, height } = BAY_MAP;
  const path = land.flatMap((rings) => rings.map(ringPath)).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    '<title>Hạ Long Bay land · © OpenStreetMap contributors</title>',
    `<rect width="${width}" height="${height}" fill="${bayMapColours.sea}"/>`,
    `<path fill="${bayMapColours.land}" fill-rule="evenodd" stroke="${bayMapColours.coast}"`,
    ` stroke-width="0.6" stroke-linejoin="round" d="${path}"/>`,
    '</svg>\n',
  ].join('');
}

function ringPath(ring: Position[]): string {
  // The closing position repeats the first; `z` draws that edge.
  const points = ring.slice(0, -1).map(([lon = 0, lat = 0]) => {
    const { x, y } = project({ lat, lon });
    return [Math.round(x * 10), Math.round(y * 10)] as const;
  });
  let path = '';
  let previous: readonly [number, number] | undefined;
  for (const point of points) {
    if (previous === undefined) {
      path += `M${tenths(point[0])} ${tenths(point[1])}`;
    } else {
      const dx = point[0] - previous[0];
      const dy = point[1] - previous[1];
      if (dx === 0 && dy === 0) continue;
      path += `l${tenths(dx)}${dy < 0 ? '' : ' '}${tenths(dy)}`;
    }
    previous = point;
  }
  return `${path}z`;
}

/** 123 → "12.3", -5 → "-.5", 40 → "4": the shortest SVG number for a count of tenths. */
function tenths(count: number): string {
  const text = String(count / 10);
  return text.replace(/^(-?)0\./, '$1.');
}
