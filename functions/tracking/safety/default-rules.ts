/**
 * The safety rules before a manager has saved any: read from the bay's map features
 * (assets/map/halong-bay-features.geo.json, made by scripts/bay-map/ from the facts of the bay), so the map
 * and the rules draw the same zones. Ports and stops become circles, route lines corridors, the tourist zone
 * the permitted area and the zones near ports and caves speed limits. No duty contact is invented: until the
 * authority enters them, alerts reach the console and the operator only.
 */
import type { SafetyRules, SafetyRulesInput } from './model.js';
import { SafetyRulesInput as RulesSchema } from './model.js';

/** Defaults where a feature gives none: a port's and a stop's radius, a corridor's width, the time at a stop. */
export const RULE_DEFAULTS = {
  // Boats report every 5–10 s: 40 s is four to eight missed reports, and with the 15-second check a silent boat
  // is alerted within a minute of its last report.
  signalLostAfterSeconds: 40,
  movingAboveKnots: 2,
  stoppedAfterMinutes: 15,
  defaultSpeedLimitKnots: 20,
  portRadiusMetres: 600,
  stopRadiusMetres: 600,
  corridorMetres: 1_500,
  maxStopMinutes: 60,
} as const;

type Properties = Record<string, unknown>;
interface Feature {
  geometry: { type: string; coordinates: unknown };
  properties: Properties | null;
}

function localized(value: unknown, fallback: string): { vi: string; en: string } {
  if (value && typeof value === 'object' && 'vi' in value && 'en' in value) {
    return { vi: String(value.vi), en: String(value.en) };
  }
  return typeof value === 'string' && value ? { vi: value, en: value } : { vi: fallback, en: fallback };
}

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The rules a features collection describes; throws (zod) when it does not describe a permitted zone. */
export function rulesFromFeatures(collection: { features: readonly Feature[] }): SafetyRulesInput {
  const of = (kind: string) => collection.features.filter((feature) => feature.properties?.kind === kind);
  const zone = of('permitted-zone')[0];
  const point = (feature: Feature) => feature.geometry.coordinates as [number, number];
  const input: SafetyRulesInput = {
    signalLostAfterSeconds: RULE_DEFAULTS.signalLostAfterSeconds,
    movingAboveKnots: RULE_DEFAULTS.movingAboveKnots,
    stoppedAfterMinutes: RULE_DEFAULTS.stoppedAfterMinutes,
    defaultSpeedLimitKnots: numberOr(
      zone?.properties?.defaultLimitKnots,
      RULE_DEFAULTS.defaultSpeedLimitKnots,
    ),
    permittedZone: {
      name: localized(zone?.properties?.name, 'vùng tham quan được phép'),
      polygon: (zone?.geometry.coordinates ?? []) as SafetyRulesInput['permittedZone']['polygon'],
    },
    speedZones: of('speed-zone').map((feature, index) => ({
      id: String(feature.properties?.id ?? `speed-zone-${index + 1}`),
      name: localized(feature.properties?.name, `Speed zone ${index + 1}`),
      limitKnots: numberOr(feature.properties?.limitKnots, RULE_DEFAULTS.defaultSpeedLimitKnots),
      polygon: feature.geometry.coordinates as SafetyRulesInput['speedZones'][number]['polygon'],
    })),
    corridors: of('route').map((feature) => ({
      routeId: Number(feature.properties?.routeId),
      widthMetres: numberOr(feature.properties?.corridorMetres, RULE_DEFAULTS.corridorMetres),
      line: feature.geometry.coordinates as [number, number][],
    })),
    stops: of('stop').map((feature, index) => ({
      id: String(feature.properties?.id ?? `stop-${index + 1}`),
      name: localized(feature.properties?.name, `Stop ${index + 1}`),
      routeId: typeof feature.properties?.routeId === 'number' ? feature.properties.routeId : null,
      longitude: point(feature)[0],
      latitude: point(feature)[1],
      radiusMetres: numberOr(feature.properties?.radiusMetres, RULE_DEFAULTS.stopRadiusMetres),
      maxStopMinutes: numberOr(feature.properties?.maxStopMinutes, RULE_DEFAULTS.maxStopMinutes),
    })),
    ports: of('port').map((feature, index) => ({
      id: String(feature.properties?.id ?? `port-${index + 1}`),
      name: localized(feature.properties?.name, `Port ${index + 1}`),
      longitude: point(feature)[0],
      latitude: point(feature)[1],
      radiusMetres: numberOr(feature.properties?.radiusMetres, RULE_DEFAULTS.portRadiusMetres),
    })),
    dutyContacts: [],
  };
  return RulesSchema.parse(input);
}

/** Rules that were never saved: version 0, so the first save (version 1) creates the stored item. */
export function unsavedRules(input: SafetyRulesInput, at: Date): SafetyRules {
  return { ...input, version: 0, updatedAt: at.toISOString(), updatedBy: 'default' };
}
