// Starts the 3D museum in its page: checks WebGL (without it the page's own message and the catalogue link stay),
// reads the rooms, exhibits and tours from the content API, and renders the viewer.

import { createRoot } from 'react-dom/client';
import type { Localized } from '../../../functions/platform/language';
import { createVisitBeacon } from './analytics-beacon';
import type { ViewerExhibit } from './content';
import { instrumentation } from './instrumentation';
import { MuseumViewer, type ViewerText } from './MuseumViewer';
import type { TourListItem } from './tours/TourControls';

type Texts = Localized;

interface ApiExhibit {
  id: string;
  roomId: string;
  title: Texts;
  period: Texts;
  description: Localized<string[]>;
  model: { kind: string; size: ViewerExhibit['size'] };
}

interface ApiTour {
  id: string;
  title: Texts;
  minutes: number;
  stops: { exhibitId: string; narration: Texts }[];
}

function webGl2Available(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function mountMuseum(container: HTMLElement): Promise<void> {
  instrumentation();
  const lang = container.dataset.lang === 'en' ? 'en' : 'vi';
  if (!webGl2Available()) {
    container.dataset.state = 'no-webgl';
    return;
  }
  let content: [
    { exhibits: ApiExhibit[] },
    { rooms: { id: string; name: Texts; summary: Texts }[] },
    { tours: ApiTour[] },
  ];
  try {
    content = await Promise.all([
      read<{ exhibits: ApiExhibit[] }>('/api/museum/exhibits'),
      read<{ rooms: { id: string; name: Texts; summary: Texts }[] }>('/api/museum/rooms'),
      read<{ tours: ApiTour[] }>('/api/museum/tours'),
    ]);
  } catch {
    container.dataset.state = 'error';
    return;
  }
  const [{ exhibits }, { rooms }, { tours }] = content;
  const text = JSON.parse(container.dataset.text ?? '{}') as ViewerText;
  const viewerExhibits = exhibits.map((exhibit) => ({
    id: exhibit.id,
    roomId: exhibit.roomId,
    title: exhibit.title[lang],
    period: exhibit.period[lang],
    summary: exhibit.description[lang][0] ?? '',
    href: `/${lang}/museum/exhibits/${exhibit.id}/`,
    kind: exhibit.model.kind,
    size: exhibit.model.size,
  }));
  const tourList: TourListItem[] = tours.map((tour) => ({
    id: tour.id,
    title: tour.title[lang],
    minutes: tour.minutes,
    stops: tour.stops,
  }));
  const initial = container.dataset.exhibit ?? null;
  const beacon = createVisitBeacon(lang);
  const tourPage = `/${lang}/museum/tour/`;
  // The address bar follows the visitor, so any view can be shared: an exhibit's own address, or the tour's.
  const onFocusChange = (exhibitId: string | null) => {
    beacon.viewing(exhibitId);
    const address = exhibitId ? `/${lang}/museum/exhibits/${exhibitId}/` : tourPage;
    if (location.pathname !== address) history.replaceState(null, '', address);
  };
  const onTourEvent = (type: 'tour-started' | 'tour-completed', tourId: string) => beacon.tour(type, tourId);
  container.dataset.state = 'running';
  createRoot(container).render(
    <MuseumViewer
      exhibits={viewerExhibits}
      rooms={rooms.map((room) => ({ id: room.id, name: room.name[lang], summary: room.summary[lang] }))}
      tours={tourList}
      text={text}
      language={lang}
      initial={initial}
      onFocusChange={onFocusChange}
      onTourEvent={onTourEvent}
    />,
  );
}
