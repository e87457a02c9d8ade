/**
 * The pier's staff pages, read and written in-process through the same pier service as the API: the day's
 * departures (an operator's own company, the port authority's every company) with their counts and clearance
 * state, check-in from the scanner page, the counter sale, the manifest (each view audited), the crew, the
 * clearance and the departure, the weather bans and the audit log. Every refusal comes back as an outcome the
 * page can explain in the visitor's language, never as an exception.
 */
import {
  type Ban,
  BanForm,
  type BanFormFields,
  type BanPreview,
  BanRequest,
  banRequestOfForm,
  type CheckInResult,
  type ClearanceView,
  type Departure,
  type DeparturesOfDay,
  type FleetService,
  ForeignCompanyError,
  type Manifest,
  manifestCsv,
  PierRefusal,
  type PierService,
  passengerCategories,
  type WalkUpResult,
} from '../boats/index.js';
import {
  type AuditEntry,
  type AuditLog,
  type AuditPage,
  auditOrigin,
  InvalidCursorError,
} from '../platform/audit/log.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import { localDateAt } from '../platform/local-time.js';
import {
  COUNTER_SALE_ROWS,
  CREW_MEMBER_ROWS,
  type FormReading,
  readClearanceForm,
  readCounterSaleForm,
  readCrewForm,
} from './pier-forms.js';

/** Where a departure stands at the pier, as the day's boards show it. */
export type PierState = 'open' | 'refused' | 'cleared' | 'departed' | 'suspended' | 'cancelled';

export interface PierDeparture {
  departure: Departure;
  state: PierState;
  booked: number;
}

export interface DayFilters {
  port?: string;
  route?: number;
  company?: string;
  state?: PierState;
}

/** A refusal as a page shows it: the problem type (for the wording) and the service's own sentence. */
export interface Refused {
  kind: 'refused';
  problem: PierRefusal['kind'] | 'validation-error';
  message: string;
  details: Record<string, unknown>;
}

export function pierStateOf(departure: Departure): PierState {
  if (departure.status === 'cancelled') return 'cancelled';
  if (departure.status === 'suspended') return 'suspended';
  if (departure.departedAt) return 'departed';
  if (departure.clearance?.decision === 'cleared') return 'cleared';
  if (departure.clearance?.decision === 'refused') return 'refused';
  return 'open';
}

/** Whether a ban stops departures of that port or route (every one, the port's, the route's). */
export function banConcerns(ban: Ban, shown: { portIds: readonly string[]; routeIds: readonly number[] }) {
  if (ban.scope.kind === 'all') return true;
  if (ban.scope.kind === 'port') return shown.portIds.includes(ban.scope.portId);
  return shown.routeIds.includes(ban.scope.routeId);
}

/** A form that did not make a request, as a refusal naming the fields to fix. */
function invalidForm(reading: Extract<FormReading<unknown>, { kind: 'invalid' }>): Refused {
  return {
    kind: 'refused',
    problem: 'validation-error',
    message: 'Some fields are missing or wrong.',
    details: { fields: reading.fields },
  };
}

async function refusalOr<T>(action: () => Promise<T>): Promise<T | Refused> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof PierRefusal) {
      return { kind: 'refused', problem: error.kind, message: error.message, details: error.details };
    }
    if (error instanceof ForeignCompanyError) {
      return { kind: 'refused', problem: 'forbidden', message: error.message, details: {} };
    }
    throw error;
  }
}

export const isRefused = (outcome: unknown): outcome is Refused =>
  typeof outcome === 'object' && outcome !== null && (outcome as { kind?: unknown }).kind === 'refused';

export interface PierDeskParts {
  pier: PierService;
  departuresOfDay: DeparturesOfDay;
  fleet: Pick<FleetService, 'listOperators'>;
  bans: {
    list(): Promise<Ban[]>;
    inForce(): Promise<Ban[]>;
    preview(request: Pick<BanRequest, 'scope' | 'from' | 'until'>): Promise<BanPreview>;
  };
  audit: Pick<AuditLog, 'list'>;
}

export function createPierDesk(
  { pier, departuresOfDay, fleet, bans, audit }: PierDeskParts,
  clock: () => Date = () => new Date(),
) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** Operators board their own company's departures; the port authority (managers, admins) every one. */
    mayBoard: (principal: Principal) => hasAnyRole(principal, ['operator', 'manager']),
    /** The port authority: clearance, bans and the audit log. */
    isAuthority: (principal: Principal) => hasAnyRole(principal, ['manager']),
    pierStateOf,
    isRefused,
    banConcerns,
    /** Who viewed personal data and from where, for the audit log: the request and Astro's client address. */
    auditOrigin: (request: Request, clientAddress: string | undefined) => auditOrigin(request, clientAddress),
    passengerCategories,
    counterSaleRows: COUNTER_SALE_ROWS,
    crewMemberRows: CREW_MEMBER_ROWS,
    crewRoles: ['engineer', 'deckhand', 'safety-officer', 'tour-guide', 'other'] as const,
  };

  return {
    // Async so that the module loads with the first pier page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    async today(): Promise<string> {
      return localDateAt(clock());
    },

    listCompanies: () => fleet.listOperators(),

    /** A day's departures the staff member may see, filtered, in departure order. */
    async day(date: string, actor: Principal, filters: DayFilters = {}): Promise<PierDeparture[]> {
      const all = await departuresOfDay(date);
      const authority = hasAnyRole(actor, ['manager']);
      return all
        .filter((departure) => authority || departure.operatorId === actor.companyId)
        .filter((departure) => !filters.port || departure.portId === filters.port)
        .filter((departure) => !filters.route || departure.routeId === filters.route)
        .filter((departure) => !filters.company || departure.operatorId === filters.company)
        .map((departure) => ({
          departure,
          state: pierStateOf(departure),
          booked: departure.held + departure.sold,
        }))
        .filter((row) => !filters.state || row.state === filters.state);
    },

    /** One departure with its pier state and counts (the departure's own page). */
    departure(departureId: string, actor: Principal): Promise<PierDeparture | Refused> {
      return refusalOr(async () => {
        const departure = await pier.departure(departureId, actor);
        return { departure, state: pierStateOf(departure), booked: departure.held + departure.sold };
      });
    },

    checkIn(
      request: { code: string; departureId?: string; passengers?: number[]; noShow?: number[] },
      actor: Principal,
    ): Promise<CheckInResult | Refused> {
      return refusalOr(() => pier.checkIn(request, actor));
    },

    sellAtCounter(
      departureId: string,
      request: Parameters<PierService['sellAtCounter']>[1],
      actor: Principal,
    ): Promise<WalkUpResult | Refused> {
      return refusalOr(() => pier.sellAtCounter(departureId, request, actor));
    },

    /** The counter-sale form of the departure's page: its passenger rows, payment and "board now". */
    async sellAtCounterFromForm(
      departureId: string,
      form: FormData,
      actor: Principal,
    ): Promise<WalkUpResult | Refused> {
      const reading = readCounterSaleForm(form);
      if (reading.kind === 'invalid') return invalidForm(reading);
      return refusalOr(() => pier.sellAtCounter(departureId, reading.request, actor));
    },

    /** The manifest for a page (printable), recorded in the audit log as a view from `from`. */
    manifest(departureId: string, actor: Principal, from: AuditEntry['from']): Promise<Manifest | Refused> {
      return refusalOr(() => pier.manifest(departureId, actor, { format: 'page', from }));
    },

    /** The manifest as a CSV download, recorded in the audit log as an export from `from`. */
    manifestCsv(
      departureId: string,
      actor: Principal,
      from: AuditEntry['from'],
    ): Promise<{ filename: string; csv: string } | Refused> {
      return refusalOr(async () => {
        const manifest = await pier.manifest(departureId, actor, { format: 'csv', from });
        return { filename: `manifest-${manifest.departure.id}.csv`, csv: manifestCsv(manifest) };
      });
    },

    recordCrew(
      departureId: string,
      crew: Parameters<PierService['recordCrew']>[1],
      actor: Principal,
    ): Promise<Departure | Refused> {
      return refusalOr(() => pier.recordCrew(departureId, crew, actor));
    },

    /** The crew form of the departure's page: the captain and the members with a name. */
    async recordCrewFromForm(
      departureId: string,
      form: FormData,
      actor: Principal,
    ): Promise<Departure | Refused> {
      const reading = readCrewForm(form);
      if (reading.kind === 'invalid') return invalidForm(reading);
      return refusalOr(() => pier.recordCrew(departureId, reading.request, actor));
    },

    clearance(departureId: string, actor: Principal): Promise<ClearanceView | Refused> {
      return refusalOr(() => pier.clearance(departureId, actor));
    },

    decideClearance(
      departureId: string,
      decision: { decision: 'cleared' | 'refused'; reason: string },
      actor: Principal,
    ): Promise<ClearanceView | Refused> {
      return refusalOr(() => pier.decideClearance(departureId, decision, actor));
    },

    /** The clearance page's form: clear or refuse, with a reason. */
    async decideClearanceFromForm(
      departureId: string,
      form: FormData,
      actor: Principal,
    ): Promise<ClearanceView | Refused> {
      const reading = readClearanceForm(form);
      if (reading.kind === 'invalid') return invalidForm(reading);
      return refusalOr(() => pier.decideClearance(departureId, reading.request, actor));
    },

    markDeparted(departureId: string, actor: Principal): Promise<Departure | Refused> {
      return refusalOr(() => pier.markDeparted(departureId, actor));
    },

    /** Every ban, newest first (the authority's page). */
    listBans: () => bans.list(),

    /**
     * The bans page's confirmation step: the ban its form asks for (in the page's address) and what issuing it
     * would do now — or why the API would refuse it, before anything is asked.
     */
    async previewBan(
      query: URLSearchParams,
    ): Promise<
      | { kind: 'preview'; form: BanFormFields; request: BanRequest; preview: BanPreview }
      | { kind: 'invalid'; form: BanFormFields | null }
    > {
      const form = BanForm.safeParse(Object.fromEntries(query));
      if (!form.success) return { kind: 'invalid', form: null };
      const request = BanRequest.safeParse(banRequestOfForm(form.data));
      if (!request.success) return { kind: 'invalid', form: form.data };
      return {
        kind: 'preview',
        form: form.data,
        request: request.data,
        preview: await bans.preview(request.data),
      };
    },

    /** Bans in force now or later (the public pages' notices). */
    bansInForce: () => bans.inForce(),

    /** Bans in force now or later that stop departures of these ports or routes (a public page's notices). */
    async bansConcerning(shown: { portIds: readonly string[]; routeIds: readonly number[] }): Promise<Ban[]> {
      return (await bans.inForce()).filter((ban) => banConcerns(ban, shown));
    },

    /** A day of the audit log (UTC day), newest first; the authority's page. A cursor it did not give is refused. */
    async auditDay(query: {
      date: string;
      action?: string;
      resourceId?: string;
      cursor?: string;
    }): Promise<AuditPage | Refused> {
      try {
        return await audit.list({ ...query, limit: 100 });
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        return { kind: 'refused', problem: 'validation-error', message: error.message, details: {} };
      }
    },
  };
}

export type PierDesk = ReturnType<typeof createPierDesk>;
