// The live boat map: MapLibre GL over the bay's committed land and features (a style with no outside source),
// the boats as keyboard-reachable HTML markers turned to their course and marked by state, a panel for the
// chosen boat, trails of the last minutes, replay of a past track, and live updates over the WebSocket (polling
// the page while the socket is down). The page's table stays the text alternative of everything drawn.
import {
  AttributionControl,
  type GeoJSONSource,
  Map as MapClass,
  type Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import featuresUrl from '../../../assets/map/halong-bay-features.geo.json?url';
import landUrl from '../../../assets/map/halong-bay-land.geo.json?url';
import type { BoatPosition } from '../../../functions/tracking/model';
import type { Dictionary, Language } from '../i18n';
import { BAY_MAP } from '../lib/bay-map';
import { fillTemplate, formatLocalDateTime, formatLocalTime } from '../lib/format';
import { BoatDetails } from './BoatDetails';
import { BoatSymbol } from './BoatSymbol';
import { bayStyle } from './bay-style';
import { boatAppearance, boatStates, boatSymbolSvg } from './boat-appearance';
import { connectLive, type LiveStatus, liveUrl } from './live-connection';
import { type MapBoat, withBoat } from './map-boat';
import type { MapFocus } from './map-focus';
import { PlaceLabels } from './place-labels';
import { ReplayControls } from './ReplayControls';
import { TrailBuffer } from './trail-buffer';
import '../styles/live-map.css';

export interface LiveMapProps {
  lang: Language;
  text: Dictionary['liveMap'];
  initialBoats: MapBoat[];
  /** GET → `{ boats: MapBoat[] }` with the viewer's rights: the page itself, asked for JSON. */
  boatsUrl: string;
  /**
   * The track reads for replay, `{boatId}` standing for the boat (`from` and `to` are added to its query) →
   * `{ boatId, positions: BoatPosition[] }`; absent where the viewer may not replay.
   */
  trackUrl?: string;
  /** The live-updates WebSocket; absent to poll `boatsUrl` only, empty for this origin's /api/tracking/live. */
  liveUpdatesUrl?: string;
  /** Staff: where a connect token is asked for before each connection (the socket's host may not get the cookie). */
  liveTokenUrl?: string;
  trailMinutes: number;
  /** Where to open the map instead of the whole bay, and the boat whose panel to open. */
  focus?: MapFocus;
}

/** How close a focused map opens: a few kilometres across, the boat and the islands around it. */
const FOCUS_ZOOM = 13;
const POLL_SECONDS = 15;

export function LiveMap({
  lang,
  text,
  initialBoats,
  boatsUrl,
  trackUrl,
  liveUpdatesUrl,
  liveTokenUrl,
  trailMinutes,
  focus,
}: LiveMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef(new Map<string, { marker: Marker; element: HTMLButtonElement }>());
  const trails = useRef(new TrailBuffer(trailMinutes));
  const [boats, setBoats] = useState<MapBoat[]>(initialBoats);
  const [selectedId, setSelectedId] = useState<string | null>(focus?.boatId ?? null);
  const [status, setStatus] = useState<LiveStatus | 'polling'>(
    liveUpdatesUrl === undefined ? 'polling' : 'connecting',
  );
  const [mapReady, setMapReady] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [replay, setReplay] = useState<{ track: BoatPosition[]; at: number } | null>(null);

  const selected = boats.find((boat) => boat.boatId === selectedId) ?? null;

  const remember = useCallback((boat: MapBoat) => {
    const position = boat.position;
    if (position) trails.current.add(boat.boatId, position);
  }, []);

  // The map itself: once, with the local style.
  useEffect(() => {
    if (!container.current) return;
    setWorkerUrl(workerUrl);
    const map = new MapClass({
      container: container.current,
      style: bayStyle({ landUrl, featuresUrl }),
      ...(focus
        ? { center: [focus.longitude, focus.latitude] as [number, number], zoom: FOCUS_ZOOM }
        : {
            bounds: [
              [BAY_MAP.box.west, BAY_MAP.box.south],
              [BAY_MAP.box.east, BAY_MAP.box.north],
            ] as [[number, number], [number, number]],
          }),
      maxBounds: [
        [BAY_MAP.box.west - 0.3, BAY_MAP.box.south - 0.2],
        [BAY_MAP.box.east + 0.3, BAY_MAP.box.north + 0.2],
      ],
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(
      new AttributionControl({ compact: false, customAttribution: text.mapCredit }),
      'bottom-right',
    );
    map.getCanvas().setAttribute('aria-label', text.mapLabel);
    map.on('load', () => setMapReady(true));
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [focus, text.mapCredit, text.mapLabel]);

  // The boats' markers follow the boats: created, moved, re-drawn, removed.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const seen = new Set<string>();
    for (const boat of boats) {
      if (!boat.position) continue;
      seen.add(boat.boatId);
      let entry = markers.current.get(boat.boatId);
      if (!entry) {
        const element = document.createElement('button');
        element.type = 'button';
        element.className = 'live-boat';
        element.dataset.boatId = boat.boatId;
        element.addEventListener('click', (event) => {
          event.stopPropagation();
          setSelectedId(boat.boatId);
        });
        const marker = new Marker({ element })
          .setLngLat([boat.position.longitude, boat.position.latitude])
          .addTo(map);
        entry = { marker, element };
        markers.current.set(boat.boatId, entry);
      }
      entry.marker.setLngLat([boat.position.longitude, boat.position.latitude]);
      const look = boatAppearance(boat);
      entry.element.dataset.state = boat.state;
      entry.element.dataset.alerting = String(look.alerting);
      entry.element.setAttribute('aria-pressed', String(boat.boatId === selectedId));
      entry.element.setAttribute(
        'aria-label',
        [
          fillTemplate(text.markerName, { name: boat.name, state: text.states[boat.state] }),
          ...boat.openAlerts.map((kind) => text.alertKinds[kind]),
        ].join(', '),
      );
      entry.element.innerHTML = boatSymbolSvg(look);
    }
    for (const [boatId, entry] of markers.current) {
      if (!seen.has(boatId)) {
        entry.marker.remove();
        markers.current.delete(boatId);
      }
    }
  }, [boats, selectedId, text]);

  // Trails: every boat's last minutes, drawn once the style's sources exist.
  useEffect(() => {
    const source = mapReady ? (mapRef.current?.getSource('trails') as GeoJSONSource | undefined) : undefined;
    if (!source) return;
    for (const boat of boats) remember(boat);
    source.setData({
      type: 'FeatureCollection',
      features: trails.current.boatIds().map((boatId) => ({
        type: 'Feature',
        properties: { boatId },
        geometry: {
          type: 'LineString',
          coordinates: trails.current.trail(boatId).map((point) => [point.longitude, point.latitude]),
        },
      })),
    });
  }, [boats, mapReady, remember]);

  // Live updates, or polling while there is no socket.
  useEffect(() => {
    if (liveUpdatesUrl === undefined) return;
    return connectLive(
      liveUrl(liveUpdatesUrl || undefined, window.location),
      (message) => {
        if (message.type === 'boat') setBoats((current) => withBoat(current, message.boat));
      },
      setStatus,
      liveTokenUrl ? { tokenUrl: liveTokenUrl } : {},
    );
  }, [liveUpdatesUrl, liveTokenUrl]);

  useEffect(() => {
    if (status === 'live') return;
    const timer = setInterval(async () => {
      const response = await fetch(boatsUrl, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) return;
      const body = (await response.json()) as { boats: MapBoat[] };
      setBoats(body.boats);
    }, POLL_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [boatsUrl, status]);

  // The report ages in the panel tick.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // The replayed track as a line.
  useEffect(() => {
    const source = mapReady ? (mapRef.current?.getSource('replay') as GeoJSONSource | undefined) : undefined;
    source?.setData({
      type: 'FeatureCollection',
      features: replay
        ? [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: replay.track.map((point) => [point.longitude, point.latitude]),
              },
            },
          ]
        : [],
    });
  }, [mapReady, replay]);

  const statusText =
    status === 'polling'
      ? fillTemplate(text.status.polling, { seconds: String(POLL_SECONDS) })
      : text.status[status];
  const legend = useMemo(
    () =>
      boatStates.map((state) => (
        <li key={state}>
          <BoatSymbol state={state} alerting={false} />
          {text.states[state]}
        </li>
      )),
    [text.states],
  );

  return (
    <div className="live-map">
      <p className={`live-map-status live-map-status-${status}`} role="status" data-testid="live-status">
        {statusText}
      </p>
      <div className="live-map-stage">
        <div ref={container} className="live-map-canvas" data-testid="live-map-canvas" />
        {mapReady && mapRef.current && <PlaceLabels map={mapRef.current} lang={lang} text={text} />}
        {selected && (
          <aside className="live-map-panel" aria-labelledby="live-map-panel-title">
            <BoatDetails
              boat={selected}
              lang={lang}
              text={text}
              now={now}
              onClose={() => setSelectedId(null)}
            />
            {trackUrl !== undefined && selected.trip && (
              <ReplayControls
                key={selected.boatId}
                text={text}
                lang={lang}
                trackUrl={trackUrl.replace('{boatId}', encodeURIComponent(selected.boatId))}
                defaultFrom={selected.trip.departsAt}
                onTrack={(track) => {
                  trails.current.addAll(selected.boatId, track);
                  setReplay(track.length > 0 ? { track, at: Date.parse(track[0]?.fixTime ?? '') } : null);
                }}
                onTime={(at) => setReplay((current) => (current ? { ...current, at } : null))}
                replayAt={replay?.at ?? null}
                track={replay?.track ?? []}
                map={mapRef.current}
              />
            )}
          </aside>
        )}
      </div>
      <ul className="live-map-legend" aria-label={text.legend}>
        {legend}
        <li>
          <BoatSymbol state="under-way" alerting={true} />
          {text.alertLegend}
        </li>
      </ul>
      <p className="live-map-note">
        {fillTemplate(text.trail, { minutes: String(trailMinutes) })}
        {selected?.position &&
          ` · ${selected.name}: ${formatLocalTime(selected.position.fixTime, lang)} (${formatLocalDateTime(selected.position.fixTime, lang)})`}
      </p>
    </div>
  );
}
