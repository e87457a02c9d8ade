// The pier scanner's island: the page's form, plus the camera, the verdict with sound and vibration, and the
// check-ins through a short signal loss (verified offline and queued by lib/scanner-queue.ts, sent on return).
import { type SubmitEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dictionary } from '../i18n';
import { fillTemplate } from '../lib/format';
import { createScannerQueue, keepTicketKeys, keptTicketKeys, verifyOffline } from '../lib/scanner-queue';
import { boardedNames, type ScanAnswer } from '../lib/scanner-verdict';
import { startQrScanning } from './camera';
import { signal, type Tone } from './feedback';

interface Props {
  departureId: string;
  /** The page the check-ins are posted to (it answers JSON to `Accept: application/json`). */
  action: string;
  initialCount: { aboard: number; capacity: number };
  /** What the page answered a check-in posted before the island started (the form works without it). */
  initialAnswer?: ScanAnswer;
  /** What was typed into the page's field before the island started. */
  initialCode?: string;
  text: Dictionary['scanner'];
}

interface Verdict {
  tone: Tone;
  lines: string[];
  names?: string[];
}

/** The page answered something other than a check-in's JSON (a gateway error, a sign-in page). */
class UnreadableAnswer extends Error {
  constructor(readonly status: number) {
    super(`The scanner page answered ${status}`);
  }
}

/** The verdict an online answer shows: green with the names put aboard, or red with the refusal's sentence. */
function verdictOf(answer: ScanAnswer, text: Dictionary['scanner']): Verdict {
  if (answer.outcome === 'refused') return { tone: 'stop', lines: [answer.message] };
  const { result } = answer;
  return {
    tone: 'board',
    lines: [
      fillTemplate(text.boarded, { count: String(result.boarded), booking: result.booking.id }),
      fillTemplate(text.countNow, {
        aboard: String(result.departure.aboard),
        capacity: String(result.departure.capacity),
      }),
    ],
    names: boardedNames(result),
  };
}

export function PierScanner({ departureId, action, initialCount, initialAnswer, initialCode, text }: Props) {
  const queue = useMemo(() => createScannerQueue(localStorage, departureId), [departureId]);
  const [count, setCount] = useState(initialCount);
  const [verdict, setVerdict] = useState<Verdict | null>(() =>
    initialAnswer ? verdictOf(initialAnswer, text) : null,
  );
  const [online, setOnline] = useState(navigator.onLine);
  const [queued, setQueued] = useState(() => queue.pending().length);
  const [conflicts, setConflicts] = useState(() => queue.conflicts());
  const [code, setCode] = useState(initialCode ?? '');
  const [camera, setCamera] = useState<'off' | 'on' | 'unavailable'>('off');
  const stopCamera = useRef<(() => void) | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Posts one code as the page's form would; throws a TypeError when the network fails. */
  const post = useCallback(
    async (value: string): Promise<ScanAnswer> => {
      const response = await fetch(action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ code: value }),
      });
      if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
        throw new UnreadableAnswer(response.status);
      }
      return (await response.json()) as ScanAnswer;
    },
    [action],
  );

  const show = useCallback((tone: Tone, lines: string[], names?: string[]) => {
    setVerdict({ tone, lines, ...(names && { names }) });
    signal(tone);
  }, []);

  const flush = useCallback(async () => {
    const report = await queue.flush((checkIn) => post(checkIn.code));
    const last = report.boarded.at(-1);
    if (last) setCount(last.result.departure);
    setOnline(!report.interrupted);
    setQueued(queue.pending().length);
    setConflicts(queue.conflicts());
  }, [queue, post]);

  const checkOffline = useCallback(
    async (value: string) => {
      setOnline(false);
      const verdict = await verifyOffline(value, departureId, keptTicketKeys(localStorage));
      if (verdict.kind === 'forged') return show('stop', [text.offline.forged]);
      if (verdict.kind === 'wrong-departure') {
        return show('stop', [
          fillTemplate(text.offline.wrongDeparture, { departure: verdict.ticketDepartureId }),
        ]);
      }
      queue.add({ code: value, reference: verdict.reference, verified: verdict.kind === 'accepted' });
      setQueued(queue.pending().length);
      show('hold', [
        verdict.kind === 'accepted' ? text.offline.acceptedOffline : text.offline.unverified,
        verdict.reference,
      ]);
    },
    [departureId, queue, show, text],
  );

  const submit = useCallback(
    async (value: string) => {
      const trimmed = value.trim();
      if (trimmed === '') return show('stop', [text.refusals['validation-error']]);
      if (!navigator.onLine) return checkOffline(trimmed);
      let answer: ScanAnswer;
      try {
        answer = await post(trimmed);
      } catch (error) {
        if (error instanceof UnreadableAnswer) {
          return show('stop', [fillTemplate(text.failed, { status: String(error.status) })]);
        }
        return checkOffline(trimmed);
      }
      setOnline(true);
      if (answer.outcome === 'boarded') setCount(answer.result.departure);
      const shown = verdictOf(answer, text);
      show(shown.tone, shown.lines, shown.names);
      // A request went through: whatever waited meanwhile can go too.
      if (queue.pending().length > 0) void flush();
    },
    [checkOffline, flush, post, queue, show, text],
  );

  useEffect(() => {
    fetch('/api/tickets/keys')
      .then((response) => (response.ok ? response.json() : null))
      .then((keys) => {
        if (keys) keepTicketKeys(localStorage, keys);
      })
      .catch(() => {
        // Offline at load: the keys kept last time stay in use.
      });
    if (navigator.onLine && queue.pending().length > 0) void flush();
    const goneOnline = () => {
      setOnline(true);
      void flush();
    };
    const goneOffline = () => setOnline(false);
    window.addEventListener('online', goneOnline);
    window.addEventListener('offline', goneOffline);
    return () => {
      window.removeEventListener('online', goneOnline);
      window.removeEventListener('offline', goneOffline);
      stopCamera.current?.();
    };
  }, [flush, queue]);

  async function toggleCamera() {
    if (stopCamera.current) {
      stopCamera.current();
      stopCamera.current = null;
      setCamera('off');
      return;
    }
    if (!video.current || !navigator.mediaDevices) return setCamera('unavailable');
    try {
      stopCamera.current = await startQrScanning(video.current, (scanned) => void submit(scanned));
      setCamera('on');
    } catch {
      setCamera('unavailable');
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(code);
    setCode('');
    input.current?.focus();
  }

  const word = { board: text.board, stop: text.stop, hold: text.hold };
  const icon = { board: '✓', stop: '✕', hold: '…' };
  return (
    <>
      <p className="scanner-count" data-testid="aboard-count">
        <span className="scanner-count-label">{text.aboardLabel}</span>
        <span className="scanner-count-value">
          {fillTemplate(text.aboardOf, { aboard: String(count.aboard), capacity: String(count.capacity) })}
        </span>
      </p>
      <p className="scanner-network">
        <span data-testid="network">{online ? text.offline.online : text.offline.offline}</span>
        <span data-testid="queued">{fillTemplate(text.offline.queued, { count: String(queued) })}</span>
      </p>
      <form className="scanner-form" method="post" action={action} onSubmit={onSubmit}>
        <label htmlFor="scanner-code">{text.codeLabel}</label>
        <p id="scanner-code-hint" className="scanner-hint">
          {text.codeHint}
        </p>
        <input
          ref={input}
          id="scanner-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="scanner-code-hint"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button className="button scanner-submit" type="submit">
          {text.check}
        </button>
      </form>
      <div className="scanner-controls">
        <button className="button button-secondary" type="button" onClick={() => void toggleCamera()}>
          {camera === 'on' ? text.camera.stop : text.camera.start}
        </button>
      </div>
      {camera === 'unavailable' && <p className="form-error">{text.camera.unavailable}</p>}
      <video
        ref={video}
        className="scanner-video"
        muted
        playsInline
        aria-label={text.camera.view}
        hidden={camera !== 'on'}
      />
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="verdict">
        {verdict && (
          <div className={`scanner-verdict scanner-verdict-${verdict.tone}`}>
            <p className="scanner-verdict-word">
              <span aria-hidden="true">{icon[verdict.tone]} </span>
              {word[verdict.tone]}
            </p>
            {verdict.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {verdict.names && (
              <ul>
                {verdict.names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {conflicts.length > 0 && (
        <section
          className="scanner-conflicts"
          aria-labelledby="scanner-conflicts-heading"
          data-testid="conflicts"
        >
          <h2 id="scanner-conflicts-heading">{text.offline.conflictsHeading}</h2>
          <ul>
            {conflicts.map((conflict) => (
              <li key={`${conflict.queuedAt}-${conflict.reference}`}>
                {fillTemplate(text.offline.conflict, {
                  reference: conflict.reference,
                  message: conflict.message,
                })}
              </li>
            ))}
          </ul>
          <button
            className="button button-secondary"
            type="button"
            onClick={() => {
              queue.clearConflicts();
              setConflicts([]);
            }}
          >
            {text.offline.dismiss}
          </button>
        </section>
      )}
    </>
  );
}
