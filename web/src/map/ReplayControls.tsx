// Replay of the chosen boat's past track: a period (from the trip's departure to now by default), the track read
// from the tracking API, and a time slider moving a replay marker along it.
import { type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect, useId, useRef, useState } from 'react';
import type { BoatPosition } from '../../../functions/tracking/model';
import type { Dictionary, Language } from '../i18n';
import { formatLocalDateTime } from '../lib/format';
import { positionAt, replaySpan } from './replay';

interface Props {
  text: Dictionary['liveMap'];
  lang: Language;
  /** GET `trackUrl` with `from` and `to` added to its query → `{ boatId, positions: BoatPosition[] }`. */
  trackUrl: string;
  defaultFrom: string;
  track: BoatPosition[];
  replayAt: number | null;
  onTrack: (track: BoatPosition[]) => void;
  onTime: (at: number) => void;
  map: MapLibreMap | null;
}

/** Hạ Long keeps UTC+7 all year: a datetime-local field shows and takes local time. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;
const toLocalField = (iso: string) => new Date(Date.parse(iso) + LOCAL_OFFSET_MS).toISOString().slice(0, 16);
const fromLocalField = (value: string) =>
  new Date(Date.parse(`${value}:00Z`) - LOCAL_OFFSET_MS).toISOString();

export function ReplayControls({
  text,
  lang,
  trackUrl,
  defaultFrom,
  track,
  replayAt,
  onTrack,
  onTime,
  map,
}: Props) {
  const id = useId();
  const [from, setFrom] = useState(() => toLocalField(defaultFrom));
  const [to, setTo] = useState(() => toLocalField(new Date().toISOString()));
  const [problem, setProblem] = useState<string | null>(null);
  const marker = useRef<Marker | null>(null);
  const span = replaySpan(track);
  const at = replayAt === null ? null : positionAt(track, replayAt);

  useEffect(() => {
    if (!map || !at) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const element = document.createElement('span');
      element.className = 'live-replay-marker';
      element.setAttribute('aria-hidden', 'true');
      marker.current = new Marker({ element }).setLngLat([at.longitude, at.latitude]).addTo(map);
    }
    marker.current.setLngLat([at.longitude, at.latitude]);
  }, [map, at]);

  useEffect(
    () => () => {
      marker.current?.remove();
    },
    [],
  );

  const load = async () => {
    setProblem(null);
    const query = new URLSearchParams({ from: fromLocalField(from), to: fromLocalField(to) });
    try {
      const response = await fetch(`${trackUrl}${trackUrl.includes('?') ? '&' : '?'}${query}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { positions: BoatPosition[] };
      const positions = [...body.positions].sort((a, b) => Date.parse(a.fixTime) - Date.parse(b.fixTime));
      if (positions.length === 0) setProblem(text.replayEmpty);
      onTrack(positions);
    } catch {
      setProblem(text.replayFailed);
    }
  };

  return (
    <form
      className="live-replay"
      onSubmit={(event) => {
        event.preventDefault();
        void load();
      }}
    >
      <h3>{text.replayHeading}</h3>
      <div className="field">
        <label htmlFor={`${id}-from`}>{text.replayFrom}</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{text.replayTo}</label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
        />
      </div>
      <button type="submit" className="button-secondary">
        {text.replayLoad}
      </button>
      {problem && <p className="form-error">{problem}</p>}
      {span && replayAt !== null && (
        <div className="field">
          <label htmlFor={`${id}-time`}>{text.replayTime}</label>
          <input
            id={`${id}-time`}
            type="range"
            min={span.start}
            max={span.end}
            step={1000}
            value={replayAt}
            aria-valuetext={formatLocalDateTime(new Date(replayAt).toISOString(), lang)}
            onChange={(event) => onTime(Number(event.target.value))}
          />
          <output htmlFor={`${id}-time`}>
            {formatLocalDateTime(new Date(replayAt).toISOString(), lang)}
          </output>
        </div>
      )}
    </form>
  );
}
