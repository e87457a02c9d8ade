/**
 * The trip's crew, the port authority's clearance and the departure. The clearance's checks are computed from
 * what is stored now (certificate valid on the day, everyone aboard named, aboard within capacity, no weather
 * ban, crew recorded); a departure is cleared only while all pass, on the departure as the checks saw it, and
 * leaves only once cleared.
 */
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import type { Clearance, ClearanceCheck, Departure } from '../departures/model.js';
import type { FleetStore } from '../fleet/store.js';
import { banCovers } from './ban-rules.js';
import type { Ban, ClearanceRequest, ClearanceView, CrewRequest } from './model.js';
import { departureFor, PierRefusal, staffRefOf } from './pier-rules.js';
import type { PierStore } from './store.js';

export interface ClearanceParts {
  store: PierStore;
  fleet: Pick<FleetStore, 'getBoat'>;
  /** The bans in force, for the weather check. */
  bans: () => Promise<Ban[]>;
}

export function createClearanceDesk(
  { store, fleet, bans }: ClearanceParts,
  clock: () => Date = () => new Date(),
) {
  /** The checks the port authority sees before clearing a departure, computed from what is stored now. */
  async function clearanceChecks(departure: Departure): Promise<ClearanceCheck[]> {
    const [boat, onBoard, inForce] = await Promise.all([
      fleet.getBoat(departure.boatId),
      store.bookingsOf(departure),
      bans(),
    ]);
    const named = onBoard
      .filter((booking) => booking.status === 'redeemed')
      .reduce(
        (sum, booking) =>
          sum +
          (booking.boarding ?? []).filter(
            (state, index) => state?.state === 'aboard' && (booking.passengers[index]?.fullName ?? '') !== '',
          ).length,
        0,
      );
    const ban = inForce.find((candidate) => banCovers(candidate, departure));
    const certificateValid = boat !== null && boat.safetyCertificateExpiresOn >= departure.localDate;
    return [
      {
        id: 'certificate',
        passed: certificateValid,
        detail: boat
          ? `Safety certificate of ${boat.name} valid until ${boat.safetyCertificateExpiresOn}.`
          : `The boat ${departure.boatId} is not in the fleet register.`,
      },
      {
        id: 'manifest-complete',
        passed: named === departure.aboard,
        detail: `${named} of ${departure.aboard} people aboard are named in the manifest.`,
      },
      {
        id: 'capacity',
        passed: departure.aboard <= departure.capacity,
        detail: `${departure.aboard} aboard, certified for ${departure.capacity}.`,
      },
      {
        id: 'no-weather-ban',
        passed: departure.status !== 'suspended' && !ban,
        detail:
          departure.status === 'suspended' || ban
            ? `Suspended: ${departure.suspension?.reason ?? ban?.reason} until ${departure.suspension?.until ?? ban?.until}.`
            : 'No weather ban covers this departure.',
      },
      {
        id: 'crew-recorded',
        passed: departure.crew !== undefined,
        detail: departure.crew
          ? `Captain ${departure.crew.captain.fullName} and ${departure.crew.members.length} crew.`
          : 'No crew recorded for this trip.',
      },
    ];
  }

  return {
    async recordCrew(departureId: string, request: CrewRequest, actor: Principal): Promise<Departure> {
      const departure = await departureFor(store, departureId, actor);
      const crew = { ...request, recordedAt: clock().toISOString(), recordedBy: staffRefOf(actor) };
      if (!(await store.recordCrew(departure, crew))) {
        throw new PierRefusal(
          'boarding-closed',
          'The crew cannot change once the departure is cleared or has left.',
        );
      }
      return { ...departure, crew };
    },

    /** The checks and the decision so far, for the authority and the company's staff. */
    async clearance(departureId: string, actor: Principal): Promise<ClearanceView> {
      const departure = await departureFor(store, departureId, actor);
      const checks = await clearanceChecks(departure);
      return {
        departureId: departure.id,
        checks,
        clearable:
          !departure.departedAt && departure.status === 'open' && checks.every((check) => check.passed),
        ...(departure.clearance && { clearance: departure.clearance }),
        ...(departure.departedAt && { departedAt: departure.departedAt }),
      };
    },

    /** The port authority clears a departure (only while every check passes) or refuses it, with a reason. */
    async decideClearance(
      departureId: string,
      request: ClearanceRequest,
      actor: Principal,
    ): Promise<ClearanceView> {
      if (!hasAnyRole(actor, ['manager'])) {
        throw new PierRefusal('forbidden', 'Only the port authority clears departures.');
      }
      const departure = await departureFor(store, departureId, actor);
      if (departure.departedAt) throw new PierRefusal('boarding-closed', 'This boat has left.');
      const checks = await clearanceChecks(departure);
      const failed = checks.filter((check) => !check.passed);
      if (request.decision === 'cleared' && failed.length > 0) {
        throw new PierRefusal(
          'clearance-checks-failed',
          `Not cleared while a check fails: ${failed.map((check) => check.detail).join(' ')}`,
          { failedChecks: failed.map((check) => check.id) },
        );
      }
      const clearance: Clearance = {
        decision: request.decision,
        reason: request.reason,
        at: clock().toISOString(),
        by: staffRefOf(actor),
        checks,
      };
      if (!(await store.recordClearance(departure, clearance))) {
        throw new PierRefusal(
          'departure-changed',
          'The departure changed while its checks were computed (someone boarded, or it left): look again.',
        );
      }
      return {
        departureId,
        checks,
        clearable: failed.length === 0,
        clearance,
      };
    },

    /** The boat leaves: only a cleared departure. */
    async markDeparted(departureId: string, actor: Principal): Promise<Departure> {
      const departure = await departureFor(store, departureId, actor);
      if (departure.departedAt) return departure;
      const at = clock().toISOString();
      const by = staffRefOf(actor);
      if (!(await store.markDeparted(departure, at, by))) {
        throw new PierRefusal(
          'not-cleared',
          'A departure leaves only once the port authority has cleared it.',
        );
      }
      return { ...departure, departedAt: at, departedBy: by };
    },
  };
}
