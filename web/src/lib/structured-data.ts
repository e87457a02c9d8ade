// schema.org descriptions of our pages for search engines and travel apps (JSON-LD in the page head).
import type { Language } from '../i18n';
import type { BoatRoute, Coordinates, Port } from './api-types';

const geo = (position: Coordinates) => ({
  '@type': 'GeoCoordinates',
  latitude: position.lat,
  longitude: position.lon,
});

/** A sightseeing route as a schema.org TouristTrip: its stops in order, where it starts, and the fee per person. */
export function touristTrip(route: BoatRoute, lang: Language, pageUrl: string, departurePort: Port | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'TouristTrip',
    name: route.name[lang],
    description: route.summary[lang],
    url: pageUrl,
    inLanguage: lang,
    provider: {
      '@type': 'GovernmentOrganization',
      name: lang === 'vi' ? 'Ban Quản lý vịnh Hạ Long' : 'Hạ Long Bay Management Board',
    },
    ...(departurePort && {
      tripOrigin: {
        '@type': 'BoatTerminal',
        name: departurePort.name[lang],
        geo: geo(departurePort.position),
      },
    }),
    itinerary: {
      '@type': 'ItemList',
      numberOfItems: route.stops.length,
      itemListElement: route.stops.map((stop, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        item: {
          '@type': 'TouristAttraction',
          name: stop.name[lang],
          ...(stop.position && { geo: geo(stop.position) }),
        },
      })),
    },
    ...(route.sightseeingFee.amountVnd !== null && {
      offers: {
        '@type': 'Offer',
        price: route.sightseeingFee.amountVnd,
        priceCurrency: 'VND',
        description: lang === 'vi' ? 'Phí tham quan vịnh, mỗi người' : 'Bay sightseeing fee per person',
      },
    }),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no value can close the script element. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The Quảng Ninh Museum as schema.org describes a museum: where it is, and its opening days. */
export function museumOrganization(lang: Language) {
  return {
    '@type': 'Museum',
    name: lang === 'vi' ? 'Bảo tàng Quảng Ninh' : 'Quảng Ninh Museum',
    address: {
      '@type': 'PostalAddress',
      streetAddress: 'Trần Quốc Nghiễn',
      addressLocality: 'Hạ Long',
      addressRegion: 'Quảng Ninh',
      addressCountry: 'VN',
    },
  };
}

/** A museum object as a schema.org CreativeWork: its period, material, origin and the museum that holds it. */
export function museumObject(
  exhibit: { title: string; description: string; period: string; material: string; origin: string },
  lang: Language,
  pageUrl: string,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    name: exhibit.title,
    description: exhibit.description,
    url: pageUrl,
    inLanguage: lang,
    temporalCoverage: exhibit.period,
    material: exhibit.material,
    locationCreated: { '@type': 'Place', name: exhibit.origin },
    isPartOf: museumOrganization(lang),
  };
}
