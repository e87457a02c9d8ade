// The ports' and sights' names on the map as HTML markers: no font is fetched for them, the page's own is used,
// and a screen reader reads them as text.
import { type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect } from 'react';
import featuresUrl from '../../../assets/map/halong-bay-features.geo.json?url';
import type { Dictionary, Language } from '../i18n';

interface PlaceFeature {
  geometry: { type: string; coordinates: number[] };
  properties: { kind: string; id: string; name: { vi: string; en: string } };
}

export function PlaceLabels({
  map,
  lang,
  text,
}: {
  map: MapLibreMap;
  lang: Language;
  text: Dictionary['liveMap'];
}) {
  useEffect(() => {
    const added: Marker[] = [];
    const controller = new AbortController();
    fetch(featuresUrl, { signal: controller.signal })
      .then((response) => response.json() as Promise<{ features: PlaceFeature[] }>)
      .then(({ features }) => {
        for (const feature of features) {
          const { kind, name } = feature.properties;
          if ((kind !== 'port' && kind !== 'sight') || feature.geometry.type !== 'Point') continue;
          const [lon = 0, lat = 0] = feature.geometry.coordinates;
          const element = document.createElement('span');
          element.className = `live-place live-place-${kind}`;
          element.textContent = name[lang];
          element.title = `${name[lang]} (${kind === 'port' ? text.port : text.sight})`;
          added.push(new Marker({ element, anchor: 'left' }).setLngLat([lon, lat]).addTo(map));
        }
      })
      .catch(() => {
        // Without labels the map still shows every place as drawn; the table names the boats.
      });
    return () => {
      controller.abort();
      for (const marker of added) marker.remove();
    };
  }, [map, lang, text.port, text.sight]);
  return null;
}
