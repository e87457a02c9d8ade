/**
 * What the page a guest lands on after the Wi-Fi portal shows (`/{lang}/welcome/`): where they are (the hotspot,
 * named by the portal's redirect), the bay with its ports, sights and the museum, the hotspots around, and the
 * boat departures still ahead today. Read from the same stores as the API; the hotspots only as name and place —
 * their gateways' settings never leave the Wi-Fi domain.
 */
import type { CatalogueService, DepartureOffer, DeparturesService, Port, Route } from '../boats/index.js';
import { localDateAt } from '../platform/local-time.js';
import { type HotspotStore, ticketSessionMinutes } from '../wifi/reads.js';

/** The Quảng Ninh Museum, Trần Quốc Nghiễn street, Hòn Gai (approximate, as the bay's other coordinates). */
export const MUSEUM_POSITION = { lat: 20.9515, lon: 107.087 };

export interface PlaceOnMap {
  id: string;
  name: { vi: string; en: string };
  position: { lat: number; lon: number };
}

export interface WelcomeView {
  /** The hotspot the guest joined, when the address names one that exists. */
  here: PlaceOnMap | null;
  hotspots: PlaceOnMap[];
  ports: Port[];
  /** The routes' stops that have a published position, one per place. */
  sights: (PlaceOnMap & { routeId: number })[];
  /** Departures still ahead today (Hạ Long time), the soonest first, at most `DEPARTURES_SHOWN`. */
  departures: DepartureOffer[];
  routes: Route[];
  today: string;
}

export const DEPARTURES_SHOWN = 8;

/** Distance on the ground, near enough at the bay's scale (equirectangular). */
function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const latitude = ((a.lat + b.lat) / 2) * (Math.PI / 180);
  const dx = (b.lon - a.lon) * Math.cos(latitude) * 111_320;
  const dy = (b.lat - a.lat) * 110_574;
  return Math.hypot(dx, dy);
}

export function createWifiWelcome(
  hotspots: HotspotStore,
  departureSearch: DeparturesService,
  boats: CatalogueService,
  clock: () => Date = () => new Date(),
) {
  return {
    /** Every hotspot, for the page that tells visitors where the free Wi-Fi is. */
    async directory(): Promise<{ hotspots: PublicHotspot[]; ports: Port[] }> {
      const [all, ports] = await Promise.all([hotspots.list(), boats.listPorts()]);
      return {
        ports,
        hotspots: all.map((hotspot) => ({
          id: hotspot.id,
          name: hotspot.name,
          position: hotspot.location,
          place: hotspot.place ?? null,
          loginMethods: hotspot.loginMethods,
          sessionMinutes: hotspot.policy.sessionMinutes,
          ticketSessionMinutes: ticketSessionMinutes(hotspot.policy),
          demo: hotspot.demo,
        })),
      };
    },

    async view(hotspotId: string | null): Promise<WelcomeView> {
      const today = localDateAt(clock());
      const [all, { routes }, ports, departures] = await Promise.all([
        hotspots.list(),
        boats.listRoutes(),
        boats.listPorts(),
        departureSearch.searchDepartures({ date: today, passengers: 1 }),
      ]);
      const places = all.map((hotspot) => ({
        id: hotspot.id,
        name: hotspot.name,
        position: hotspot.location,
      }));
      const seen = new Set<string>();
      const sights = routes.flatMap((route) =>
        route.stops.flatMap((stop) => {
          if (!stop.position) return [];
          // A stop at a port (route 8's Tuần Châu, Hạ Long port) is the port, already on the map.
          const position = stop.position;
          if (ports.some((port) => metresBetween(port.position, position) < 700)) return [];
          const key = `${stop.position.lat},${stop.position.lon}`;
          if (seen.has(key)) return [];
          seen.add(key);
          return [
            {
              id: `route-${route.id}-${seen.size}`,
              name: stop.name,
              position: stop.position,
              routeId: route.id,
            },
          ];
        }),
      );
      return {
        here: places.find((place) => place.id === hotspotId) ?? null,
        hotspots: places,
        ports,
        sights,
        departures: departures.slice(0, DEPARTURES_SHOWN),
        routes,
        today,
      };
    },
  };
}

export type WifiWelcome = ReturnType<typeof createWifiWelcome>;

/** A hotspot as visitors may know it: where it is and how to get on; nothing of its gateway. */
export interface PublicHotspot extends PlaceOnMap {
  place: string | null;
  loginMethods: ('terms' | 'code' | 'booking')[];
  sessionMinutes: number;
  ticketSessionMinutes: number;
  demo: boolean;
}
