/**
 * The `actor` of an audit entry: the staff member a role guard admitted (principal-of.ts). Apart from entry.ts's
 * schemas, so that a function which writes the log only now and then (the tracking function) can name the actor
 * without loading them at its cold start.
 */
import type { Principal } from '../auth/principal.js';

export function auditActor(principal: Principal) {
  return {
    subject: principal.subject,
    ...(principal.email !== null && { email: principal.email }),
    roles: principal.roles,
    companyId: principal.companyId,
  };
}
