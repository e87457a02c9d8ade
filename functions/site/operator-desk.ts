/**
 * The operator's page, read and written in-process: who the signed-in staff member is (their ID token from the
 * session cookie, verified like a bearer token), their company's boats and coming departures with seats sold
 * and held, and scheduling departures from a plain form through the same departures service as the API.
 */

import {
  CertificateExpiredError,
  type Departure,
  DepartureExistsError,
  type DeparturesOfDay,
  type DeparturesService,
  type FleetService,
  ForeignCompanyError,
  InvalidScheduleError,
  passengerCategories,
  ScheduleRequest,
  TooManyDatesError,
} from '../boats/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { InvalidTokenError, type TokenVerifier } from '../platform/auth/verifier.js';
import { addDays, localDateAt } from '../platform/local-time.js';

/** How far ahead the page lists the company's departures. */
export const UPCOMING_DAYS = 14;

export type ScheduleOutcome =
  | { kind: 'scheduled'; count: number; first: string; last: string }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'certificate-expired'; boatName: string; expiresOn: string }
  | { kind: 'exists'; departureIds: readonly string[] }
  | { kind: 'refused'; field: string }
  | { kind: 'too-many' }
  | { kind: 'forbidden' };

export function createOperatorDesk(
  fleet: FleetService,
  departures: DeparturesService,
  departuresOfDay: DeparturesOfDay,
  verifier: TokenVerifier,
  clock: () => Date = () => new Date(),
) {
  /** The plain values and rules the page uses while it renders. */
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    upcomingDays: UPCOMING_DAYS,
    passengerCategories,
    /** Operators run their own company's boats; managers (and admins) every company's. */
    mayRunBoats: (principal: Principal) => hasAnyRole(principal, ['operator', 'manager']),
  };
  return {
    // For the page, which imports only types from functions/ (see bookings.ts); async so the module loads late.
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** The staff member whose session cookie this is; null when absent, expired or forged. */
    async principalOf(idToken: string | undefined): Promise<Principal | null> {
      if (!idToken) return null;
      try {
        return await verifier.verify(idToken);
      } catch (error) {
        if (error instanceof InvalidTokenError) return null;
        throw error;
      }
    },

    listCompanies: () => fleet.listOperators(),

    boatsOf: (companyId: string, actor: Principal) => fleet.listBoatsOf(companyId, actor),

    /** The company's departures from today for UPCOMING_DAYS days, in time order, with their seat counters. */
    async upcomingDepartures(companyId: string): Promise<Departure[]> {
      const today = localDateAt(clock());
      const days = await Promise.all(
        Array.from({ length: UPCOMING_DAYS }, (_, offset) => departuresOfDay(addDays(today, offset))),
      );
      return days.flat().filter((departure) => departure.operatorId === companyId);
    },

    async today(): Promise<string> {
      return localDateAt(clock());
    },

    /** Schedules from the page's form fields; every refusal comes back as something the page can explain. */
    async schedule(form: FormData, actor: Principal): Promise<ScheduleOutcome> {
      const field = (name: string) => String(form.get(name) ?? '').trim();
      const weekdays = form.getAll('weekdays').map(Number);
      const from = field('from');
      const to = field('to') || from;
      const candidate = {
        routeId: Number(field('routeId')),
        portId: field('portId'),
        boatId: field('boatId'),
        localTime: field('localTime'),
        dates:
          from === to && weekdays.length === 0
            ? from
            : { from, to, ...(weekdays.length > 0 && { weekdays }) },
        fares: Object.fromEntries(
          passengerCategories.map((category) => [category, Number(field(`fare.${category}`))]),
        ),
      };
      const parsed = ScheduleRequest.safeParse(candidate);
      if (!parsed.success) {
        return {
          kind: 'invalid',
          fields: [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.')))],
        };
      }
      try {
        const scheduled = await departures.scheduleDepartures(parsed.data, actor);
        return {
          kind: 'scheduled',
          count: scheduled.length,
          first: scheduled[0]?.localDate ?? from,
          last: scheduled.at(-1)?.localDate ?? to,
        };
      } catch (error) {
        if (error instanceof CertificateExpiredError) {
          return {
            kind: 'certificate-expired',
            boatName: error.boat.name,
            expiresOn: error.boat.safetyCertificateExpiresOn,
          };
        }
        if (error instanceof DepartureExistsError)
          return { kind: 'exists', departureIds: error.departureIds };
        if (error instanceof InvalidScheduleError) return { kind: 'refused', field: error.field };
        if (error instanceof TooManyDatesError) return { kind: 'too-many' };
        if (error instanceof ForeignCompanyError) return { kind: 'forbidden' };
        throw error;
      }
    },
  };
}

export type OperatorDesk = ReturnType<typeof createOperatorDesk>;
