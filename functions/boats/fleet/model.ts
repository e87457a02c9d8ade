/** The fleet as the API and the store see it: boat companies and their boats. */
import * as z from 'zod';

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case slug such as demo-bay-cruises')
  .max(60);

export const Operator = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(120),
    contactPhone: z.string().regex(/^\+?[0-9 ]{8,20}$/, 'a phone number such as +84 203 384 6000'),
    // Its boats' safety alerts are e-mailed here too; not in the public list (ListedOperator).
    contactEmail: z.email().max(200).optional(),
  })
  .meta({ id: 'Operator', description: 'A boat company licensed to carry passengers on the bay.' });

export const BoatClass = z.enum(['day-cruise', 'overnight', 'speedboat', 'restaurant-boat']);

/** Boats certified for more than this many passengers must carry AIS (and so have an MMSI) since August 2025. */
export const AIS_REQUIRED_ABOVE_PASSENGERS = 50;

export const Boat = z
  .object({
    id: Slug,
    operatorId: Slug,
    name: z.string().trim().min(1).max(120),
    registrationNumber: z.string().regex(/^[A-Z]{2}-\d{4,5}$/, 'a registration number such as QN-5868'),
    class: BoatClass,
    certifiedCapacity: z
      .number()
      .int()
      .min(1)
      .max(300)
      .meta({ description: 'Certified passenger capacity.' }),
    safetyCertificateExpiresOn: z.iso.date(),
    trackerId: z.string().min(1).max(60).nullable().meta({ description: 'GPS journey monitor id.' }),
    mmsi: z
      .string()
      .regex(/^\d{9}$/, 'a 9-digit MMSI')
      .nullable()
      .meta({ description: 'AIS identity; required above 50 certified passengers.' }),
  })
  .refine((boat) => boat.certifiedCapacity <= AIS_REQUIRED_ABOVE_PASSENGERS || boat.mmsi !== null, {
    message: `a boat certified for more than ${AIS_REQUIRED_ABOVE_PASSENGERS} passengers must carry AIS (an MMSI)`,
    path: ['mmsi'],
  })
  .meta({ id: 'Boat' });

/** A company as the public list shows it: its e-mail address is for the platform's messages to it, not published. */
export const ListedOperator = Operator.omit({ contactEmail: true });
export const OperatorList = z.object({ operators: z.array(ListedOperator) }).meta({ id: 'OperatorList' });
export const BoatList = z.object({ boats: z.array(Boat) }).meta({ id: 'BoatList' });

export type Operator = z.infer<typeof Operator>;
export type ListedOperator = z.infer<typeof ListedOperator>;
export type Boat = z.infer<typeof Boat>;
