// Starts the live map's island over the page's table of boats (which stays, as the map's text alternative).
import { createRoot } from 'react-dom/client';
import type { Dictionary, Language } from '../i18n';
import { LiveMap } from './LiveMap';
import type { MapBoat } from './map-boat';
import { focusOf } from './map-focus';

export function mountLiveMap(element: HTMLElement): void {
  const { lang, text, boats, boatsUrl, trackUrl, liveUrl, liveTokenUrl, trailMinutes } = element.dataset;
  if (!lang || !text || !boats || !boatsUrl) return;
  const focus = focusOf(window.location.search);
  createRoot(element).render(
    <LiveMap
      lang={lang as Language}
      text={JSON.parse(text) as Dictionary['liveMap']}
      initialBoats={JSON.parse(boats) as MapBoat[]}
      boatsUrl={boatsUrl}
      {...(trackUrl === undefined ? {} : { trackUrl })}
      {...(liveUrl === undefined ? {} : { liveUpdatesUrl: liveUrl })}
      {...(liveTokenUrl === undefined ? {} : { liveTokenUrl })}
      trailMinutes={Number(trailMinutes) || 30}
      {...(focus ? { focus } : {})}
    />,
  );
}
