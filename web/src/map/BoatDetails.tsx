// The chosen boat's panel: what the duty officer needs at a glance, each field only when the viewer may see it.
import type { Dictionary, Language } from '../i18n';
import { fillTemplate, formatLocalTime } from '../lib/format';
import { reportAge } from './boat-appearance';
import type { MapBoat } from './map-boat';

interface Props {
  boat: MapBoat;
  lang: Language;
  text: Dictionary['liveMap'];
  now: number;
  onClose: () => void;
}

export function BoatDetails({ boat, lang, text, now, onClose }: Props) {
  const age = reportAge(boat.position?.fixTime, now);
  const speed = boat.position?.speedKnots;
  const rows: [string, string][] = [
    ...(boat.operatorName ? [[text.operatorName, boat.operatorName] as [string, string]] : []),
    [text.state, text.states[boat.state]],
    ...(boat.trip
      ? [[text.route, `${boat.trip.routeId} · ${boat.trip.routeName[lang]}`] as [string, string]]
      : []),
    [
      text.speed,
      speed === null || speed === undefined ? '—' : fillTemplate(text.knots, { speed: speed.toFixed(1) }),
    ],
    [
      text.lastReport,
      age === null
        ? text.noPosition
        : fillTemplate(text.reportAge, {
            minutes: String(age.minutes),
            seconds: String(age.seconds).padStart(2, '0'),
          }),
    ],
  ];
  if (boat.trip?.aboard !== undefined && boat.certifiedCapacity !== undefined) {
    rows.push([
      text.aboard,
      fillTemplate(text.aboardOf, {
        aboard: String(boat.trip.aboard),
        capacity: String(boat.certifiedCapacity),
      }),
    ]);
  }
  if (boat.trip?.clearance !== undefined) rows.push([text.clearance, text.clearances[boat.trip.clearance]]);
  if (boat.trip?.nextStop) rows.push([text.nextStop, boat.trip.nextStop.name[lang]]);
  if (boat.trip) rows.push([text.expectedReturn, formatLocalTime(boat.trip.expectedReturnAt, lang)]);

  return (
    <>
      <div className="live-map-panel-head">
        <h2 id="live-map-panel-title">{boat.name}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          {text.close}
        </button>
      </div>
      <dl className="live-map-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {boat.openAlerts.length > 0 && (
        <div className="live-map-alerts" role="alert">
          <h3>{text.alerts}</h3>
          <ul>
            {boat.openAlerts.map((kind) => (
              <li key={kind}>{text.alertKinds[kind]}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
