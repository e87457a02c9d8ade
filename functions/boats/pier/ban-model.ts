/** Weather bans as the API and the store see them: what a ban covers, for how long, why, and what it did. */
import * as z from 'zod';
import { PortId } from '../catalogue/model.js';
import { StaffRef } from '../departures/model.js';

/** All departures, those of one port, or those of one route. */
export const BanScope = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('port'), portId: PortId }),
    z.object({ kind: z.literal('route'), routeId: z.number().int().min(1).max(99) }),
  ])
  .meta({ id: 'BanScope' });

/** The longest a single ban may run; a longer storm is a second ban. */
export const MAX_BAN_DAYS = 14;

export const BanRequest = z
  .object({
    scope: BanScope,
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(3).max(300).meta({ example: 'Storm warning: typhoon Wipha' }),
  })
  .refine((ban) => Date.parse(ban.from) < Date.parse(ban.until), {
    message: 'until must be after from',
    path: ['until'],
  })
  .refine((ban) => Date.parse(ban.until) - Date.parse(ban.from) <= MAX_BAN_DAYS * 86_400_000, {
    message: `a ban runs ${MAX_BAN_DAYS} days at most`,
    path: ['until'],
  })
  .meta({ id: 'BanRequest' });

/** A weather ban as stored and answered. */
export const Ban = z
  .object({
    id: z.string().min(1).max(80),
    scope: BanScope,
    from: z.iso.datetime(),
    until: z.iso.datetime(),
    reason: z.string().min(1).max(300),
    createdAt: z.iso.datetime(),
    createdBy: StaffRef,
    liftedAt: z.iso.datetime().optional(),
    liftedBy: StaffRef.optional(),
    /** What applying it did, when it last ran to the end. */
    appliedAt: z.iso.datetime().optional(),
    suspendedDepartures: z.number().int().min(0).default(0),
    cancelledBookings: z.number().int().min(0).default(0),
    /** Bookings the last run could not cancel (a refund not taken): saving the ban again retries them. */
    failedBookings: z.number().int().min(0).default(0),
  })
  .refine((ban) => ban.from < ban.until, { message: 'until must be after from', path: ['until'] })
  .meta({ id: 'Ban' });

export const BanList = z.object({ bans: z.array(Ban) }).meta({ id: 'BanList' });

export type BanScope = z.infer<typeof BanScope>;
export type BanRequest = z.infer<typeof BanRequest>;
export type Ban = z.infer<typeof Ban>;
