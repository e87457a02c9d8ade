/**
 * Who is calling: roles of the platform and the mapping from verified token claims. Local tokens and
 * Cognito ID tokens carry the same claims (`cognito:groups`, `custom:company_id`), so one mapping serves both.
 */
import type { JWTPayload } from 'jose';

export const roles = ['operator', 'manager', 'curator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleDescriptions: Record<Role, string> = {
  operator: "A boat company's staff; sees and changes only their own company's boats and departures.",
  manager: 'The tourism authority: routes, fees, alerts and forecasts across the bay.',
  curator: 'Museum content: galleries, exhibits and tours.',
  admin: 'Runs the platform; may do anything any other role may.',
};

export interface Principal {
  subject: string;
  email: string | null;
  roles: Role[];
  /** The boat company an operator belongs to; null for other roles. */
  companyId: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Reads a principal from claims that jose has already verified (signature, issuer, audience, expiry). */
export function principalFromClaims(claims: JWTPayload): Principal {
  const groups = claims['cognito:groups'];
  const companyId = claims['custom:company_id'];
  return {
    subject: String(claims.sub ?? ''),
    email: typeof claims.email === 'string' ? claims.email : null,
    roles: Array.isArray(groups) ? groups.filter(isRole) : [],
    companyId: typeof companyId === 'string' && companyId.length > 0 ? companyId : null,
  };
}

/** Admins pass every role check; everyone else needs one of the roles asked for. */
export function hasAnyRole(principal: Pick<Principal, 'roles'>, wanted: readonly Role[]): boolean {
  return principal.roles.includes('admin') || principal.roles.some((role) => wanted.includes(role));
}
