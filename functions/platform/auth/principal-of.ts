/**
 * The staff member a role guard admitted. Apart from require-role.ts on purpose: the platform function loads
 * the guard at start-up but serves no staff route, so this stays out of what its cold start loads.
 */
import type { Principal } from './principal.js';

/** For handlers behind `requireRole`, which has always run before them and set the principal. */
export function principalOf(context: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = context.get('principal');
  if (!principal) throw new Error('A staff route ran without its role guard.');
  return principal;
}
