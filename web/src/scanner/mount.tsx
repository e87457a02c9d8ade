// Starts the pier scanner's island over the page's own form (which keeps working without JavaScript).
import { createRoot } from 'react-dom/client';
import type { Dictionary } from '../i18n';
import { PierScanner } from './PierScanner';

export function mountPierScanner(element: HTMLElement): void {
  const { departure, action, aboard, capacity, text } = element.dataset;
  if (!departure || !action || !text) return;
  createRoot(element).render(
    <PierScanner
      departureId={departure}
      action={action}
      initialCount={{ aboard: Number(aboard), capacity: Number(capacity) }}
      text={JSON.parse(text) as Dictionary['scanner']}
    />,
  );
}
