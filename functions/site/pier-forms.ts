/**
 * The pier pages' plain forms read into the pier service's requests: the crew, the counter sale (a row of
 * fields per passenger, named like the booking form's) and the clearance decision. A form that does not make a
 * valid request comes back with the names of the fields to fix.
 */
import type * as z from 'zod';
import { ClearanceRequest, CrewRequest, WalkUpRequest } from '../boats/index.js';
import { passengerField } from './booking-form.js';

/** How many passenger rows the counter-sale form offers, and crew member rows the crew form. */
export const COUNTER_SALE_ROWS = 6;
export const CREW_MEMBER_ROWS = 6;

export type FormReading<T> = { kind: 'valid'; request: T } | { kind: 'invalid'; fields: string[] };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

function reading<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  fieldOf: (path: string[]) => string,
): FormReading<T> {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { kind: 'valid', request: parsed.data };
  const fields = parsed.error.issues.map((issue) => fieldOf(issue.path.map(String)));
  return { kind: 'invalid', fields: [...new Set(fields)] };
}

/** Crew rows left empty (no name) are not crew members. */
export function readCrewForm(form: FormData): FormReading<CrewRequest> {
  const rows = Array.from({ length: CREW_MEMBER_ROWS }, (_, index) => ({
    fullName: text(form, `m${index}.fullName`),
    role: text(form, `m${index}.role`),
  }));
  const members = rows.filter((row) => row.fullName !== '');
  const rowOf = members.map((member) => rows.indexOf(member));
  const candidate = {
    captain: { fullName: text(form, 'captainName'), licenceNumber: text(form, 'captainLicence') },
    members,
  };
  return reading(CrewRequest, candidate, ([first, second, third]) => {
    if (first === 'captain') return second === 'licenceNumber' ? 'captainLicence' : 'captainName';
    if (first === 'members' && second !== undefined)
      return `m${rowOf[Number(second)]}.${third ?? 'fullName'}`;
    return first ?? 'form';
  });
}

/** The passenger rows with a name are the party; the rest of the form is the payment at the counter. */
export function readCounterSaleForm(form: FormData): FormReading<WalkUpRequest> {
  const rows = Array.from({ length: COUNTER_SALE_ROWS }, (_, index) => {
    const field = (name: string) => text(form, passengerField(index, name));
    const guardianName = field('guardianName');
    return {
      category: field('category'),
      fullName: field('fullName'),
      documentType: field('documentType'),
      documentNumber: field('documentNumber'),
      nationality: field('nationality').toUpperCase(),
      ...((guardianName || field('guardianDocument') || field('guardianPhone')) && {
        guardian: {
          fullName: guardianName,
          documentNumber: field('guardianDocument'),
          phone: field('guardianPhone'),
        },
      }),
    };
  });
  const passengers = rows.filter((row) => row.fullName !== '');
  const rowOf = passengers.map((passenger) => rows.indexOf(passenger));
  const candidate = {
    passengers,
    payment: { method: text(form, 'paymentMethod'), receiptNumber: text(form, 'receiptNumber') },
    language: text(form, 'language') || 'vi',
    board: form.get('board') === 'on',
  };
  return reading(WalkUpRequest, candidate, ([first, second, third]) => {
    if (first === 'payment') return second === 'method' ? 'paymentMethod' : 'receiptNumber';
    if (first === 'passengers' && second !== undefined && rowOf[Number(second)] !== undefined) {
      const name = third === 'guardian' ? 'guardianName' : (third ?? 'fullName');
      return passengerField(rowOf[Number(second)] as number, name);
    }
    return first === 'passengers' ? 'party' : (first ?? 'form');
  });
}

export function readClearanceForm(form: FormData): FormReading<ClearanceRequest> {
  const candidate = { decision: text(form, 'decision'), reason: text(form, 'reason') };
  return reading(ClearanceRequest, candidate, ([first]) => first ?? 'form');
}
