/**
 * What the alerts console and the rules page read: the alerts a signed-in staff member may see (the authority
 * every boat's, an operator its company's), unresolved and by day, how many are unresolved (the staff nav's
 * badge), and the safety rules as they apply now. Acting on an alert and saving the rules go through the API's
 * form routes, which audit them; the pages only read here.
 */
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { localDateAt } from '../platform/local-time.js';
import type { Alert, AlertsService, SafetyRules } from '../tracking/index.js';
import { viewerOf } from './tracking-desk.js';

export interface AlertsConsoleView {
  /** Unresolved alerts, newest first. */
  unresolved: Alert[];
  /** Every alert raised on `date` (resolved ones too), newest first. */
  day: Alert[];
  /** The local day shown in the history (Asia/Ho_Chi_Minh). */
  date: string;
  today: string;
}

export function createSafetyDesk(
  alerts: Pick<AlertsService, 'listUnresolved' | 'listDay'>,
  rules: { current: () => Promise<SafetyRules>; store: { get: () => Promise<SafetyRules | null> } },
  clock: () => Date = () => new Date(),
) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** The authority's console and the rules page: managers (and admins). */
    isAuthority: (principal: Principal) => hasAnyRole(principal, ['manager']),
    /** A console of some alerts: the authority, or an operator of a company. */
    mayWatchAlerts: (principal: Principal) => viewerOf(principal) !== null,
  };
  return {
    // Async so that the module loads with the first console page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** The console of `principal`: unresolved alerts and the history of `date` (today when not a day). */
    async consoleFor(principal: Principal, date?: string | null): Promise<AlertsConsoleView> {
      const today = localDateAt(clock());
      const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= today ? date : today;
      const viewer = viewerOf(principal);
      if (!viewer) return { unresolved: [], day: [], date: day, today };
      const [unresolved, history] = await Promise.all([
        alerts.listUnresolved(viewer),
        alerts.listDay(viewer, day),
      ]);
      return { unresolved, day: history, date: day, today };
    },

    /** How many alerts `principal` may see are not resolved; 0 for a role that sees none. */
    async unresolvedCount(principal: Principal): Promise<number> {
      const viewer = viewerOf(principal);
      return viewer ? (await alerts.listUnresolved(viewer)).length : 0;
    },

    /**
     * The rules as stored (version 0: the defaults from the bay's map, never saved). Read from the table, not the
     * intake's 10-second copy: the page shows what a manager just saved, and its form carries the version now.
     */
    async rules(): Promise<SafetyRules> {
      return (await rules.store.get()) ?? rules.current();
    },
  };
}

export type SafetyDesk = ReturnType<typeof createSafetyDesk>;
