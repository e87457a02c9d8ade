/** Which departures a weather ban stops: pure rules, shared by applying a ban, lifting it and clearance. */
import type { Departure } from '../departures/model.js';
import type { Ban, BanScope } from './model.js';

export function scopeCovers(scope: BanScope, departure: Pick<Departure, 'portId' | 'routeId'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'port') return scope.portId === departure.portId;
  return scope.routeId === departure.routeId;
}

/** A ban in force (not lifted) whose period holds the departure's time and whose scope holds its port or route. */
export function banCovers(
  ban: Pick<Ban, 'scope' | 'from' | 'until' | 'liftedAt'>,
  departure: Pick<Departure, 'portId' | 'routeId' | 'departsAt'>,
): boolean {
  if (ban.liftedAt) return false;
  const at = Date.parse(departure.departsAt);
  return at >= Date.parse(ban.from) && at < Date.parse(ban.until) && scopeCovers(ban.scope, departure);
}

/** Bans not lifted whose period has not ended at `now`. */
export function inForce(bans: readonly Ban[], now: Date): Ban[] {
  return bans.filter((ban) => !ban.liftedAt && Date.parse(ban.until) > now.getTime());
}
