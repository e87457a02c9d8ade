// The alerts console's island, over the page's server-rendered list: it listens on the live-updates WebSocket and,
// on an alert message, reads the page again and brings the list up to date row by row (a row being typed in keeps
// its text and focus), beeps and announces a new alert, keeps the count in the title, the page and the staff nav,
// and re-reads the page every 15 s while the socket is down. The page stays the one place an alert is drawn.
import type { Alert } from '../../../functions/tracking/live/model';
import { fillTemplate } from '../lib/format';
import { connectLive, type LiveStatus, liveUrl } from '../map/live-connection';
import { createBeeper } from './beep';
import { alertAge, planRows, type RowKey, titleWithCount } from './console-text';

export const POLL_SECONDS = 15;
const SOUND_SETTING = 'halong.alertsConsole.sound';
/** How often an alert the socket told of but the list does not show yet is looked for again. */
const MISSING_RETRY_MS = 1_500;
const MISSING_RETRIES = 3;

interface ConsoleText {
  kinds: Record<Alert['kind'], string>;
  states: Record<Alert['state'], string>;
  status: Record<LiveStatus, string>;
  justNow: string;
  minutesAgo: string;
  hoursAgo: string;
  titleCount: string;
  navCount: string;
  openCount: string;
  announceNew: string;
  announceChanged: string;
}

const UNRESOLVED = '[data-alert-region="unresolved"]';
const HISTORY = '[data-alert-region="history"]';

function rowKeys(list: Element): RowKey[] {
  return [...list.children].flatMap((row) =>
    row instanceof HTMLElement && row.dataset.alertId
      ? [{ id: row.dataset.alertId, revision: row.dataset.alertRevision ?? '' }]
      : [],
  );
}

function rowById(list: Element, id: string): HTMLElement | null {
  for (const row of list.children) {
    if (row instanceof HTMLElement && row.dataset.alertId === id) return row;
  }
  return null;
}

/** A fresh row in place of `old`, with the notes typed in `old` and the focus it held carried over. */
function replacement(old: HTMLElement, fresh: HTMLElement): HTMLElement {
  const row = document.importNode(fresh, true);
  for (const field of old.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
    'textarea, input[type="text"]',
  )) {
    const twin = field.id
      ? row.querySelector<HTMLTextAreaElement | HTMLInputElement>(`#${CSS.escape(field.id)}`)
      : null;
    if (twin && field.value) twin.value = field.value;
  }
  return row;
}

export function mountAlertsConsole(root: HTMLElement): void {
  const text = JSON.parse(root.dataset.text ?? '{}') as ConsoleText;
  const list = root.querySelector(UNRESOLVED);
  const statusLine = root.querySelector<HTMLElement>('[data-console-status]');
  const announcer = root.querySelector<HTMLElement>('[data-console-announcer]');
  const soundBox = root.querySelector<HTMLElement>('[data-console-sound]');
  const soundToggle = root.querySelector<HTMLButtonElement>('[data-console-sound-toggle]');
  if (!list || !statusLine || !announcer || !soundBox || !soundToggle) return;
  root.querySelector<HTMLElement>('[data-console-static]')?.setAttribute('hidden', '');
  statusLine.hidden = false;
  soundBox.hidden = false;

  const beeper = createBeeper();
  let soundOn = localStorage.getItem(SOUND_SETTING) !== 'off';
  soundToggle.setAttribute('aria-pressed', String(soundOn));
  soundToggle.addEventListener('click', () => {
    soundOn = !soundOn;
    soundToggle.setAttribute('aria-pressed', String(soundOn));
    localStorage.setItem(SOUND_SETTING, soundOn ? 'on' : 'off');
  });
  const unlock = () => beeper.unlock();
  document.addEventListener('pointerdown', unlock, { passive: true });
  document.addEventListener('keydown', unlock);

  /** Alerts already shown or announced: a new one beeps once, whether the socket or a re-read shows it first. */
  const known = new Set(rowKeys(list).map((row) => row.id));
  const states = new Map(rowKeys(list).map((row) => [row.id, row.revision.split('|')[0]]));
  /** Alerts the socket told of that the list did not show yet (a read may lag a write): tries left. */
  const awaited = new Map<string, number>();

  function announce(message: string) {
    if (!announcer) return;
    // Emptied first, so the same words said twice are announced twice.
    announcer.textContent = '';
    setTimeout(() => {
      announcer.textContent = message;
    }, 50);
  }

  function noticeNew(alert: Pick<Alert, 'id' | 'kind' | 'boatName'> & { reason: string }) {
    if (known.has(alert.id)) return;
    known.add(alert.id);
    announce(
      fillTemplate(text.announceNew, {
        kind: text.kinds[alert.kind],
        boat: alert.boatName,
        reason: alert.reason,
      }),
    );
    if (soundOn) beeper.beep(alert.kind === 'sos');
  }

  function showCount() {
    const count = rowKeys(list as Element).length;
    for (const badge of document.querySelectorAll<HTMLElement>('[data-alert-count]')) {
      badge.hidden = count === 0;
      const number = badge.querySelector('[data-alert-count-number]');
      const words = badge.querySelector('[data-alert-count-words]');
      if (number) number.textContent = String(count);
      if (words) words.textContent = fillTemplate(text.navCount, { count: String(count) });
    }
    const countText = root.querySelector('[data-console-count-text]');
    if (countText) countText.textContent = fillTemplate(text.openCount, { count: String(count) });
    root.querySelector<HTMLElement>('[data-alert-none]')?.toggleAttribute('hidden', count > 0);
    document.title = titleWithCount(document.title, count, text.titleCount);
  }

  function showAges() {
    const now = Date.now();
    for (const age of root.querySelectorAll<HTMLElement>('[data-age]')) {
      age.textContent = alertAge(age.dataset.age ?? '', now, text);
    }
  }

  /** Brings the unresolved list to `fresh`'s rows, moving only what changed. */
  function reconcile(fresh: Element) {
    const current = list as Element;
    const { steps, removed } = planRows(rowKeys(current), rowKeys(fresh));
    const focused = document.activeElement;
    const focusedId = focused instanceof HTMLElement && current.contains(focused) ? focused.id : '';
    for (const id of removed) {
      const row = rowById(current, id);
      if (row?.contains(focused)) document.getElementById('unresolved-heading')?.focus();
      row?.remove();
    }
    const rows = steps.map((step) => {
      const old = rowById(current, step.id);
      const freshRow = rowById(fresh, step.id) as HTMLElement;
      if (step.action === 'keep' && old) return old;
      const row = old ? replacement(old, freshRow) : document.importNode(freshRow, true);
      old?.remove();
      return row;
    });
    let cursor = current.firstElementChild;
    for (const row of rows) {
      if (row === cursor) cursor = cursor.nextElementSibling;
      else current.insertBefore(row, cursor);
    }
    const refocus = focusedId && !current.contains(focused) ? document.getElementById(focusedId) : null;
    refocus?.focus();
    for (const row of current.children) {
      if (!(row instanceof HTMLElement) || !row.dataset.alertId) continue;
      const [state] = (row.dataset.alertRevision ?? '').split('|');
      if (!known.has(row.dataset.alertId)) {
        noticeNew({
          id: row.dataset.alertId,
          kind: row.dataset.alertKind as Alert['kind'],
          boatName: row.dataset.boatName ?? '',
          reason: row.dataset.reason ?? '',
        });
      }
      states.set(row.dataset.alertId, state ?? '');
      awaited.delete(row.dataset.alertId);
    }
  }

  let reading: Promise<void> | null = null;
  let readAgain = false;
  async function readPage(): Promise<void> {
    const response = await fetch(`${window.location.pathname}${window.location.search}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'text/html' },
    });
    // A session that ended answers with the sign-in page: keep what is shown.
    if (!response.ok || new URL(response.url).pathname !== window.location.pathname) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const freshList = page.querySelector(UNRESOLVED);
    if (freshList) reconcile(freshList);
    const history = root.querySelector(HISTORY);
    const freshHistory = page.querySelector(HISTORY);
    if (history && freshHistory && history.innerHTML !== freshHistory.innerHTML) {
      history.replaceChildren(...[...freshHistory.childNodes].map((node) => document.importNode(node, true)));
    }
    showCount();
    showAges();
    for (const [id, tries] of awaited) {
      if (tries <= 0) awaited.delete(id);
      else awaited.set(id, tries - 1);
    }
    if (awaited.size > 0) setTimeout(refresh, MISSING_RETRY_MS);
  }
  /** Reads the page, once at a time; a call during a read makes one more read after it. */
  function refresh(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          readAgain = false;
          await readPage();
        } while (readAgain);
      } catch {
        // Offline or the server is restarting: the next message or poll reads again.
      } finally {
        reading = null;
      }
    })();
    return reading;
  }

  let pollTimer: ReturnType<typeof setInterval> | undefined;
  function setStatus(status: LiveStatus) {
    if (!statusLine) return;
    root.dataset.liveStatus = status;
    statusLine.className = `console-status console-status-${status}`;
    statusLine.textContent = fillTemplate(text.status[status], { seconds: String(POLL_SECONDS) });
    clearInterval(pollTimer);
    if (status === 'live') void refresh();
    else pollTimer = setInterval(refresh, POLL_SECONDS * 1000);
  }

  connectLive(
    liveUrl(root.dataset.liveUrl || undefined, window.location),
    (message) => {
      if (message.type !== 'alert') return;
      const { alert } = message;
      if (alert.state !== 'resolved') {
        if (!known.has(alert.id)) awaited.set(alert.id, MISSING_RETRIES);
        noticeNew({ ...alert, reason: alert.reason[(root.dataset.lang as 'vi' | 'en') ?? 'vi'] });
      }
      const before = states.get(alert.id);
      if (before && before !== alert.state) {
        announce(
          fillTemplate(text.announceChanged, {
            kind: text.kinds[alert.kind],
            boat: alert.boatName,
            state: text.states[alert.state],
          }),
        );
      }
      states.set(alert.id, alert.state);
      void refresh();
    },
    setStatus,
    root.dataset.liveTokenUrl ? { tokenUrl: root.dataset.liveTokenUrl } : {},
  );
  setInterval(showAges, 30_000);
  showCount();
}
