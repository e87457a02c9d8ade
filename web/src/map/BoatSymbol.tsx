// A boat's symbol for the legend, drawn exactly as on the map.
import type { BoatState } from '../../../functions/tracking/live/model';
import { boatAppearance, boatSymbolSvg } from './boat-appearance';

export function BoatSymbol({ state, alerting }: { state: BoatState; alerting: boolean }) {
  const look = boatAppearance({ state, openAlerts: alerting ? ['sos'] : [], position: null });
  // The SVG is built from our own constants only (no text from data), so setting it as markup is safe.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: constant markup, see above.
  return <span className="live-boat-symbol" dangerouslySetInnerHTML={{ __html: boatSymbolSvg(look, 20) }} />;
}
