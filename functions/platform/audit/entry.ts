/**
 * What one audit entry says — who (the staff member and their roles), did what (a dotted action), to what (a
 * resource's type and id), when, and from where (address, user agent) — and how the who and the where are taken
 * from a request. One schema checks an entry before it is written and reads it back (stored-items.ts).
 */
import * as z from 'zod';
import { roles } from '../auth/principal.js';
import { storableNumber } from '../stored-number.js';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from '../text-safety.js';
import { USER_AGENT_MAX_LENGTH } from './origin.js';

/** Text kept in the log: bounded, and never NUL or a lone surrogate (text-safety.ts), whoever wrote it. */
const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !isUnsafeText(text), UNSAFE_TEXT_MESSAGE);

export const AuditAction = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'dotted lower-case words, such as manifest.view')
  .meta({ description: 'What was done, `<resource>.<verb>`.', example: 'manifest.export' });

export const AuditResource = z
  .object({
    type: z
      .string()
      .max(40)
      .regex(/^[a-z][a-z0-9-]*$/, 'a lower-case word, such as departure')
      .meta({ example: 'departure' }),
    id: safeText(128).min(1).meta({ example: 'dep-20261124-0800-bay-pearl-01' }),
  })
  .meta({ id: 'AuditResource', description: 'What the action was done to.' });

export const AuditActor = z
  .object({
    subject: safeText(256).min(1).meta({ description: 'The identity provider’s id of the staff member.' }),
    email: safeText(254).optional(),
    roles: z.array(z.enum(roles)).max(roles.length),
    companyId: safeText(64).nullable().optional().meta({ description: 'An operator’s boat company.' }),
  })
  .meta({ id: 'AuditActor', description: 'The signed-in staff member who did it, as their token said.' });

export const AuditOrigin = z
  .object({
    address: safeText(64).nullable().meta({ description: 'The viewer’s address, when known.' }),
    userAgent: safeText(USER_AGENT_MAX_LENGTH).nullable(),
  })
  .meta({ id: 'AuditOrigin', description: 'Where the request came from.' });

const DetailKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a name of letters, digits and _ (at most 40)');

export const AuditDetail = z
  .record(DetailKey, z.union([safeText(200), storableNumber(), z.boolean()]))
  .refine((detail) => Object.keys(detail).length <= 20, 'at most 20 details')
  .meta({
    id: 'AuditDetail',
    description: 'A few facts about the action, such as the export format and the rows exported.',
    example: { format: 'csv', rows: 48 },
  });

export const AuditEntry = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime().meta({ description: 'UTC instant the entry was recorded.' }),
    actor: AuditActor,
    action: AuditAction,
    resource: AuditResource,
    detail: AuditDetail.optional(),
    from: AuditOrigin,
  })
  .meta({ id: 'AuditEntry', description: 'One sensitive action, as recorded; never changed afterwards.' });

export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry as its writer gives it: the log adds the id and the time. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'at'>;

export { auditActor } from './actor.js';
export { auditOrigin, auditOriginOf, USER_AGENT_MAX_LENGTH } from './origin.js';
