// How a tracked boat is drawn: a colour and a symbol per state, the alert look over any state, and the rotation
// of its heading. Colour never stands alone: each state has its own shape, and an alert adds a ring and a "!".
import type { BoatState, TrackedBoat } from '../../../functions/tracking/live/model';

export const boatStates = ['under-way', 'at-stop', 'in-port', 'stopped', 'silent', 'off-duty'] as const;

export interface BoatAppearance {
  /** Fill of the marker: each at least 4.5:1 against white text and 3:1 against the map's light sea and land. */
  colour: string;
  /** The marker's symbol: an arrow shows the heading; the others are drawn upright. */
  symbol: 'arrow' | 'square' | 'circle' | 'diamond' | 'ring' | 'bar';
  /** Degrees clockwise from north the symbol is turned by; 0 for symbols without a heading. */
  rotationDegrees: number;
  /** An open alert: drawn in the alert colour with a ring, whatever the state. */
  alerting: boolean;
}

export const stateLooks: Record<BoatState, Pick<BoatAppearance, 'colour' | 'symbol'>> = {
  'under-way': { colour: '#0b5e8c', symbol: 'arrow' },
  'at-stop': { colour: '#1f6f3d', symbol: 'square' },
  'in-port': { colour: '#4a3a8c', symbol: 'circle' },
  stopped: { colour: '#7a4a0c', symbol: 'diamond' },
  silent: { colour: '#4b5563', symbol: 'ring' },
  'off-duty': { colour: '#5b6b70', symbol: 'bar' },
};

/** The alert colour: a dark red that keeps 4.5:1 with white and stands apart from every state's colour. */
export const ALERT_COLOUR = '#b3121f';

/** The look of `boat`: its state's colour and symbol, turned to its course when it has one and is moving. */
export function boatAppearance(boat: Pick<TrackedBoat, 'state' | 'openAlerts' | 'position'>): BoatAppearance {
  const look = stateLooks[boat.state];
  const alerting = boat.openAlerts.length > 0;
  const course = boat.position?.courseDegrees ?? null;
  return {
    colour: alerting ? ALERT_COLOUR : look.colour,
    symbol: look.symbol,
    rotationDegrees: look.symbol === 'arrow' && course !== null ? ((course % 360) + 360) % 360 : 0,
    alerting,
  };
}

/** Minutes and seconds since `fixTime` as the panel shows it ("4 min 05 s"), from `now`; null when never heard. */
export function reportAge(
  fixTime: string | null | undefined,
  now: number,
): { minutes: number; seconds: number } | null {
  if (!fixTime) return null;
  const elapsed = Math.max(0, Math.round((now - Date.parse(fixTime)) / 1000));
  return { minutes: Math.floor(elapsed / 60), seconds: elapsed % 60 };
}

const symbolShapes: Record<BoatAppearance['symbol'], string> = {
  arrow: '<path d="M12 2 L20 21 L12 16 L4 21 Z"/>',
  square: '<rect x="5" y="5" width="14" height="14" rx="2"/>',
  circle: '<circle cx="12" cy="12" r="8"/>',
  diamond: '<path d="M12 3 L21 12 L12 21 L3 12 Z"/>',
  ring: '<circle cx="12" cy="12" r="7" fill="#ffffff" stroke-width="4"/>',
  bar: '<rect x="4" y="9" width="16" height="6" rx="2"/>',
};

/**
 * The marker's SVG: the state's symbol in its colour, turned to the heading, with a ring and a "!" badge when an
 * alert is open. Hidden from assistive technology: the marker's button carries the words.
 */
export function boatSymbolSvg(look: BoatAppearance, size = 28): string {
  const alert = look.alerting
    ? '<circle cx="12" cy="12" r="11" fill="none" stroke-width="2"/>' +
      '<circle cx="19" cy="5" r="4.5" stroke="#ffffff" stroke-width="1"/>' +
      '<path d="M19 2.5 V5.8 M19 7 V7.6" stroke="#ffffff" stroke-width="1.4"/>'
    : '';
  return (
    `<svg viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<g transform="rotate(${look.rotationDegrees} 12 12)" fill="${look.colour}" stroke="${look.colour}" stroke-width="1.5">` +
    `${symbolShapes[look.symbol]}</g>${look.alerting ? `<g fill="${look.colour}" stroke="${look.colour}">${alert}</g>` : ''}</svg>`
  );
}
