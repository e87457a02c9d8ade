// The places of the bay map that the boats catalogue does not hold: the sights of shared/domain/halong-bay.md,
// the positions given here to route stops the catalogue leaves without one, the ports a route's boats leave from
// when the catalogue names none, and the safety defaults. All positions are approximate; a derived one says which
// published place it was placed beside and why.
import type { LocalizedText } from '../../functions/boats/catalogue/model';

export interface Sight {
  id: string;
  name: LocalizedText;
  lat: number;
  lon: number;
  /** Caves draw rowing boats, kayaks and swimmers: the slow zone is drawn around them. */
  slowZone: 'cave' | 'floating-village' | null;
}

/** The sights table of shared/domain/halong-bay.md (public news pages and fee notices; error up to 1–3 km). */
export const sights: Sight[] = [
  {
    id: 'thien-cung-dau-go',
    name: {
      vi: 'Hang Thiên Cung – Hang Đầu Gỗ (đảo Đầu Gỗ)',
      en: 'Thiên Cung and Đầu Gỗ caves (Đầu Gỗ island)',
    },
    lat: 20.913,
    lon: 107.008,
    slowZone: 'cave',
  },
  {
    id: 'hon-ga-choi',
    name: { vi: 'Hòn Gà Chọi', en: 'Fighting Cocks Islet (Hòn Gà Chọi)' },
    lat: 20.89,
    lon: 107.05,
    slowZone: null,
  },
  {
    id: 'ti-top',
    name: { vi: 'Đảo Ti Tốp', en: 'Ti Tốp Island' },
    lat: 20.858,
    lon: 107.084,
    slowZone: null,
  },
  {
    id: 'sung-sot-luon',
    name: { vi: 'Hang Sửng Sốt – Hang Luồn (đảo Bồ Hòn)', en: 'Sửng Sốt and Luồn caves (Bồ Hòn island)' },
    lat: 20.853,
    lon: 107.094,
    slowZone: 'cave',
  },
  {
    id: 'cua-van',
    name: { vi: 'Làng chài Cửa Vạn', en: 'Cửa Vạn floating village' },
    lat: 20.83,
    lon: 107.15,
    slowZone: 'floating-village',
  },
  {
    id: 'lan-ha',
    name: { vi: 'Vịnh Lan Hạ', en: 'Lan Hạ Bay' },
    lat: 20.77,
    lon: 107.08,
    slowZone: null,
  },
];

export interface DerivedStopPosition {
  lat: number;
  lon: number;
  /** The sight or port (by id) the position was placed beside. */
  derivedFrom: string;
  /** Why there, in a sentence a curator or an operator correcting it can check. */
  note: string;
  /** The stop is a cave, so the slow zone is drawn around it too. */
  cave?: boolean;
}

/**
 * Positions for the catalogue's stops that have none, by route id and the stop's English name. None of these is
 * published: each is put on open water beside the published place it belongs with (the same island group, the
 * same village), so a route can be drawn and a stop rule applied until an operator enters the real one.
 */
export const derivedStopPositions: Record<number, Record<string, DerivedStopPosition>> = {
  1: {
    'Incense Burner Islet (Hòn Đỉnh Hương)': {
      lat: 20.9,
      lon: 107.036,
      derivedFrom: 'hon-ga-choi',
      note: 'Between the Đầu Gỗ caves and Hòn Gà Chọi, where route 1 passes the landmark islets.',
    },
    'Stone Dog Islet (Hòn Chó Đá)': {
      lat: 20.886,
      lon: 107.056,
      derivedFrom: 'hon-ga-choi',
      note: 'Beside Hòn Gà Chọi, in the same group of landmark islets.',
    },
    'Ba Hang': {
      lat: 20.882,
      lon: 107.04,
      derivedFrom: 'hon-ga-choi',
      note: 'South-west of Hòn Gà Chọi, the last stop before the return.',
    },
  },
  2: {
    'Soi Sim Island': {
      lat: 20.864,
      lon: 107.074,
      derivedFrom: 'ti-top',
      note: 'North-west of Ti Tốp, the first island route 2 reaches from Tuần Châu.',
    },
    'Bồ Nâu': {
      lat: 20.857,
      lon: 107.1,
      derivedFrom: 'sung-sot-luon',
      note: 'On Bồ Hòn island with the Sửng Sốt and Luồn caves.',
      cave: true,
    },
    'Động Tiên Lake': {
      lat: 20.849,
      lon: 107.102,
      derivedFrom: 'sung-sot-luon',
      note: 'On Bồ Hòn island with the Sửng Sốt and Luồn caves.',
    },
    'Trống Cave': {
      lat: 20.846,
      lon: 107.11,
      derivedFrom: 'sung-sot-luon',
      note: 'South-east of Bồ Hòn island, on the way out of the cave group.',
      cave: true,
    },
    'Trinh Nữ Cave': {
      lat: 20.842,
      lon: 107.1,
      derivedFrom: 'sung-sot-luon',
      note: 'South of Bồ Hòn island, in the same cave group.',
      cave: true,
    },
    'Mê Cung Cave': {
      lat: 20.852,
      lon: 107.078,
      derivedFrom: 'ti-top',
      note: 'South-west of Ti Tốp, the last cave before the return to Tuần Châu.',
      cave: true,
    },
  },
  3: {
    'Bamboo forest': {
      lat: 20.823,
      lon: 107.14,
      derivedFrom: 'cua-van',
      note: 'West of the Cửa Vạn floating village, on the islands route 3 tours around it.',
    },
    'Tiên Ông Cave': {
      lat: 20.838,
      lon: 107.128,
      derivedFrom: 'cua-van',
      note: 'North-west of the Cửa Vạn floating village.',
      cave: true,
    },
    'Vụng Dù': {
      lat: 20.818,
      lon: 107.16,
      derivedFrom: 'cua-van',
      note: 'A cove south-east of the Cửa Vạn floating village.',
    },
    'Ba Hầm Lake': {
      lat: 20.808,
      lon: 107.15,
      derivedFrom: 'cua-van',
      note: 'South of the Cửa Vạn floating village.',
    },
    'Bà Men Temple': {
      lat: 20.84,
      lon: 107.158,
      derivedFrom: 'cua-van',
      note: 'North-east of the Cửa Vạn floating village.',
    },
  },
  4: {
    'Sea recreation area (Vung Viêng side)': {
      lat: 20.862,
      lon: 107.18,
      derivedFrom: 'cua-van',
      note: 'East of Cửa Vạn towards Vung Viêng; the village itself lies east of the map’s edge (107.2° E).',
    },
  },
  5: {
    'Gia Luận Harbour': {
      lat: 20.866,
      lon: 107.018,
      derivedFrom: 'lan-ha',
      note: 'On the northern shore of Cát Bà island, where it faces Hạ Long Bay.',
    },
  },
  6: {
    'Chân Voi Islet': {
      lat: 20.915,
      lon: 107.1,
      derivedFrom: 'hon-gai',
      note: 'On open water south of Hòn Gai, the first leg of route 6 towards the Cửa Vạn area.',
    },
    'Ba Cửa Cove': {
      lat: 20.875,
      lon: 107.12,
      derivedFrom: 'cua-van',
      note: 'North of the Cửa Vạn floating village.',
    },
    'Tùng Lâm': {
      lat: 20.85,
      lon: 107.14,
      derivedFrom: 'cua-van',
      note: 'North of the Cửa Vạn floating village.',
    },
    'Cầu Bái Islet': {
      lat: 20.895,
      lon: 107.14,
      derivedFrom: 'hon-gai',
      note: 'On the way back north to Hòn Gai.',
    },
  },
  8: {
    'Nam Cầu Trắng': {
      lat: 20.944,
      lon: 107.086,
      derivedFrom: 'hon-gai',
      note: 'On the water off Hòn Gai, where the restaurant boats of route 8 moor.',
    },
  },
};

/**
 * Route 7's one catalogue stop is "the sights of routes 1–4": on the map it is the first positioned stop of each
 * of those routes, in route order.
 */
export const daytimeYachtRouteId = 7;
export const daytimeYachtCoversRoutes = [1, 2, 3, 4];

/**
 * The ports each route's line starts and ends at. The catalogue's `departurePortId` where it names one; otherwise
 * the port its boats leave from in the demo schedules, or Tuần Châu (the bay's main departure point since 2015).
 * Route 1 leaves from Tuần Châu and from the Bãi Cháy cruise port, so it has a line from each.
 */
export const assumedRoutePorts: Record<number, string[]> = {
  1: ['tuan-chau', 'ha-long-cruise-port'],
  3: ['tuan-chau'],
  4: ['tuan-chau'],
  5: ['tuan-chau'],
  6: ['hon-gai'],
  7: ['tuan-chau'],
};

/**
 * Safety defaults, to be edited by managers as rules data: slower near ports, caves and the floating village,
 * where kayaks, rowing boats and swimmers are.
 */
export const safetyDefaults = {
  defaultLimitKnots: 20,
  slowLimitKnots: 6,
  slowZoneRadiusMetres: 500,
  corridorMetres: 800,
  maxStopMinutes: 60,
  stopRadiusMetres: 500,
  permittedZoneMarginMetres: 1_500,
} as const;
