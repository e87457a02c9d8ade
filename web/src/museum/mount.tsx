// Starts the 3D museum in its page: checks WebGL (without it the page's own message and the catalogue link stay),
// reads the entrance hall's exhibits from the content API, and renders the viewer.
import { createRoot } from 'react-dom/client';
import { createVisitBeacon } from './analytics-beacon';
import { instrumentation } from './instrumentation';
import { MuseumViewer, type ViewerExhibit, type ViewerText } from './MuseumViewer';

interface ApiExhibit {
  id: string;
  title: Record<'vi' | 'en', string>;
  period: Record<'vi' | 'en', string>;
  description: Record<'vi' | 'en', string[]>;
  model: { kind: string; size: ViewerExhibit['size'] };
}

function webGl2Available(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

export async function mountMuseum(container: HTMLElement): Promise<void> {
  instrumentation();
  const lang = container.dataset.lang === 'en' ? 'en' : 'vi';
  if (!webGl2Available()) {
    container.dataset.state = 'no-webgl';
    return;
  }
  const response = await fetch('/api/museum/exhibits?room=lobby');
  if (!response.ok) {
    container.dataset.state = 'error';
    return;
  }
  const { exhibits } = (await response.json()) as { exhibits: ApiExhibit[] };
  const text: ViewerText = {
    close: container.dataset.textClose ?? 'Close',
    readMore: container.dataset.textReadMore ?? 'Read more',
    loading: container.dataset.textLoading ?? '',
    viewLabel: container.dataset.textView ?? '3D view',
    listen: container.dataset.textListen ?? 'Listen',
    pause: container.dataset.textPause ?? 'Pause',
    resume: container.dataset.textResume ?? 'Resume',
  };
  const viewerExhibits = exhibits.map((exhibit) => ({
    id: exhibit.id,
    title: exhibit.title[lang],
    period: exhibit.period[lang],
    summary: exhibit.description[lang][0] ?? '',
    href: `/${lang}/museum/exhibits/${exhibit.id}/`,
    kind: exhibit.model.kind,
    size: exhibit.model.size,
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
  container.dataset.state = 'running';
  createRoot(container).render(
    <MuseumViewer
      exhibits={viewerExhibits}
      text={text}
      language={lang}
      initial={initial}
      onFocusChange={onFocusChange}
    />,
  );
}
