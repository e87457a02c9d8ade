import { describe, expect, it } from 'vitest';
import {
  BAY_MAP,
  bayMapColours,
  bayMapMarkerKinds,
  bayMapSymbols,
  insideBayMap,
  project,
} from '../../../../web/src/lib/bay-map';

const { box, width, height } = BAY_MAP;

describe('the bay map projection', () => {
  it('maps the corners of the box to the corners of the viewBox', () => {
    expect(project({ lat: box.north, lon: box.west })).toEqual({ x: 0, y: 0 });
    expect(project({ lat: box.north, lon: box.east })).toEqual({ x: width, y: 0 });
    expect(project({ lat: box.south, lon: box.west })).toEqual({ x: 0, y: height });
    const southEast = project({ lat: box.south, lon: box.east });
    expect(southEast.x).toBeCloseTo(width, 9);
    expect(southEast.y).toBeCloseTo(height, 9);
  });

  it('draws north up and east to the right', () => {
    const museum = project({ lat: 20.9515, lon: 107.087 });
    expect(project({ lat: 20.96, lon: 107.087 }).y).toBeLessThan(museum.y);
    expect(project({ lat: 20.9515, lon: 107.1 }).x).toBeGreaterThan(museum.x);
  });

  it('shortens a degree of longitude by the cosine of the latitude, as the ground does', () => {
    const origin = project({ lat: 20.87, lon: 107.07 });
    const east = project({ lat: 20.87, lon: 107.08 });
    const north = project({ lat: 20.88, lon: 107.07 });
    const ratio = (east.x - origin.x) / (origin.y - north.y);
    expect(ratio).toBeCloseTo(Math.cos((20.87 * Math.PI) / 180), 2);
  });

  it('covers the ports, the museum and the sights of the bay, but not Cái Rồng in Vân Đồn', () => {
    const places = {
      'Tuần Châu port': { lat: 20.92, lon: 106.993 },
      'Bãi Cháy cruise port': { lat: 20.952, lon: 107.048 },
      'Hòn Gai wharf': { lat: 20.95, lon: 107.08 },
      'Quảng Ninh Museum': { lat: 20.9515, lon: 107.087 },
      'Lan Hạ Bay': { lat: 20.77, lon: 107.08 },
      'Cửa Vạn': { lat: 20.83, lon: 107.15 },
    };
    for (const [name, position] of Object.entries(places)) {
      expect(insideBayMap(position), name).toBe(true);
    }
    expect(insideBayMap({ lat: 21.06, lon: 107.42 })).toBe(false);
    expect(insideBayMap({ lat: box.south, lon: box.east })).toBe(true);
  });
});

describe('the bay map colours', () => {
  it('set every symbol off from the sea and the land by at least 3:1', () => {
    for (const kind of bayMapMarkerKinds) {
      for (const ground of [bayMapColours.sea, bayMapColours.land]) {
        expect(contrast(bayMapSymbols[kind].fill, ground), `${kind} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keep labels at AA contrast on sea and land even where the halo is thin', () => {
    for (const text of [bayMapColours.label, bayMapColours.linkLabel]) {
      for (const ground of [bayMapColours.sea, bayMapColours.land, bayMapColours.halo]) {
        expect(contrast(text, ground), `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((offset) => {
      const channel = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
