/**
 * The operator's page, read and written in-process: who the signed-in staff member is (their ID token from the
 * session cookie, verified like a bearer token), their company's boats, a day of its departures with seats sold
 * and held (one boat's or all, as the page's address asks), and scheduling departures from a plain form through
 * the same departures service as the API.
 */

import {
  BoatNotInFleetError,
  CertificateExpiredError,
  CompanyDayQuery,
  type Departure,
  DepartureExistsError,
  type DeparturesService,
  type FleetService,
  ForeignCompanyError,
  InvalidScheduleError,
  OperatorNotFoundError,
  passengerCategories,
  ScheduleRequest,
  TooManyDatesError,
} from '../boats/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { InvalidTokenError, type TokenVerifier } from '../platform/auth/verifier.js';
import { addDays, localDateAt } from '../platform/local-time.js';

/**
 * The departures section of the page: one day of the company's departures (one boat's, or all), with the days
 * before and after to page to; or the value of the address that names no day, or no boat or company of theirs.
 */
export type DepartureDay =
  | {
      kind: 'day';
      date: string;
      boatId: string | undefined;
      departures: Departure[];
      previousDate: string;
      nextDate: string;
      today: string;
      tomorrow: string;
    }
  | { kind: 'invalid-date'; value: string }
  | { kind: 'unknown-boat'; value: string }
  | { kind: 'unknown-company'; value: string };

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
  verifier: TokenVerifier,
  clock: () => Date = () => new Date(),
) {
  /** The plain values and rules the page uses while it renders. */
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
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

    /**
     * The day of the company's departures the page's address asks for: `date` (YYYY-MM-DD, today when absent)
     * and `boat` (a boat of the company, every boat when absent). Values are checked here, at the edge, with the
     * departures' own query schema; one that names nothing of the company comes back to be explained.
     */
    async departureDay(companyId: string, query: URLSearchParams, actor: Principal): Promise<DepartureDay> {
      const today = localDateAt(clock());
      const date = query.get('date') || today;
      const boatId = query.get('boat') || undefined;
      const parsed = CompanyDayQuery.safeParse({ companyId, date, boatId });
      if (!parsed.success) {
        const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
        if (fields.has('companyId')) return { kind: 'unknown-company', value: companyId };
        if (fields.has('date')) return { kind: 'invalid-date', value: date };
        return { kind: 'unknown-boat', value: boatId ?? '' };
      }
      try {
        return {
          kind: 'day',
          date,
          boatId,
          departures: await departures.companyDepartures(parsed.data, actor),
          previousDate: addDays(date, -1),
          nextDate: addDays(date, 1),
          today,
          tomorrow: addDays(today, 1),
        };
      } catch (error) {
        if (error instanceof BoatNotInFleetError) return { kind: 'unknown-boat', value: error.boatId };
        if (error instanceof OperatorNotFoundError) return { kind: 'unknown-company', value: companyId };
        throw error;
      }
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
