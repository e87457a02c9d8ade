/**
 * Rules of the fleet: the public list of boat companies, and who may act for a company (see its boats,
 * schedule its departures): its own staff, or a tourism manager. No HTTP and no SDK types here.
 */
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import type { Boat, ListedOperator } from './model.js';
import type { FleetStore } from './store.js';

export class OperatorNotFoundError extends Error {
  override readonly name = 'OperatorNotFoundError';
  constructor(readonly operatorId: string) {
    super(`There is no boat company "${operatorId}".`);
  }
}

export class ForeignCompanyError extends Error {
  override readonly name = 'ForeignCompanyError';
  constructor(readonly operatorId: string) {
    super(`Only staff of "${operatorId}", or a tourism manager, may do this.`);
  }
}

export type Actor = Pick<Principal, 'roles' | 'companyId'>;

/** Managers (and admins) act for every company; an operator only for their own. */
export function assertActsFor(actor: Actor, operatorId: string): void {
  if (hasAnyRole(actor, ['manager'])) return;
  if (actor.roles.includes('operator') && actor.companyId === operatorId) return;
  throw new ForeignCompanyError(operatorId);
}

export function createFleetService(fleet: FleetStore) {
  return {
    /** Every company as the public list shows it (no e-mail address). */
    async listOperators(): Promise<ListedOperator[]> {
      return (await fleet.listOperators()).map(({ contactEmail: _contactEmail, ...listed }) => listed);
    },

    async listBoatsOf(operatorId: string, actor: Actor): Promise<Boat[]> {
      assertActsFor(actor, operatorId);
      if (!(await fleet.getOperator(operatorId))) throw new OperatorNotFoundError(operatorId);
      return fleet.listBoatsOf(operatorId);
    },
  };
}

export type FleetService = ReturnType<typeof createFleetService>;
