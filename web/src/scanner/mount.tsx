// Starts the pier scanner's island over the page's own form (which keeps working without JavaScript).
import { createRoot } from 'react-dom/client';
import type { Dictionary } from '../i18n';
import type { ScanAnswer } from '../lib/scanner-verdict';
import { PierScanner } from './PierScanner';

export function mountPierScanner(element: HTMLElement): void {
  const { departure, action, aboard, capacity, text, answer } = element.dataset;
  if (!departure || !action || !text) return;
  // A crew member may type (or even post) before the script arrives: the island keeps both.
  const typed = element.querySelector<HTMLInputElement>('input[name="code"]')?.value ?? '';
  createRoot(element).render(
    <PierScanner
      departureId={departure}
      action={action}
      initialCount={{ aboard: Number(aboard), capacity: Number(capacity) }}
      {...(answer && { initialAnswer: JSON.parse(answer) as ScanAnswer })}
      initialCode={typed}
      text={JSON.parse(text) as Dictionary['scanner']}
    />,
  );
}
