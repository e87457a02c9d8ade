/**
 * The booking form of the site, without JavaScript: the party chosen as counts per passenger category (a GET
 * form), then one fieldset per passenger and the contact (a POST form). The form is read into the API's own
 * BookingRequest and checked with its schema, so the page and POST /api/bookings accept exactly the same
 * bookings; each failing rule is reported against the form field it belongs to.
 */

import { randomUUID } from 'node:crypto';
import {
  BookingRequest,
  MAX_PASSENGERS_PER_BOOKING,
  type PassengerCategory,
  passengerCategories,
  travelsWithGrownUp,
} from '../boats/index.js';
import type { Language } from '../platform/language.js';

export type PartyCounts = Record<PassengerCategory, number>;

/** Why a field was refused, named so the page can explain it in the visitor's language. */
export type FieldProblem =
  | 'required'
  | 'fullName'
  | 'citizenId'
  | 'passport'
  | 'citizenIdNationality'
  | 'nationality'
  | 'seniorNationality'
  | 'guardian'
  | 'email'
  | 'phone'
  | 'childrenAlone'
  | 'party';

export type PartyOutcome =
  | { kind: 'none' }
  | { kind: 'party'; counts: PartyCounts; categories: PassengerCategory[] }
  /** `size`: no passenger, or more than a booking takes; `childrenAlone`: only children, told before their details. */
  | { kind: 'invalid'; reason: 'size' | 'childrenAlone' };

/** The party of a query string (`adult=2&child-7-to-12=1`), each passenger's category in order. */
export function readParty(parameters: URLSearchParams): PartyOutcome {
  const counts = Object.fromEntries(passengerCategories.map((category) => [category, 0])) as PartyCounts;
  let given = false;
  for (const category of passengerCategories) {
    const raw = parameters.get(category);
    if (raw === null || raw === '') continue;
    given = true;
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 0 || count > MAX_PASSENGERS_PER_BOOKING)
      return { kind: 'invalid', reason: 'size' };
    counts[category] = count;
  }
  if (!given) return { kind: 'none' };
  const categories = passengerCategories.flatMap((category) =>
    Array<PassengerCategory>(counts[category]).fill(category),
  );
  if (categories.length === 0 || categories.length > MAX_PASSENGERS_PER_BOOKING)
    return { kind: 'invalid', reason: 'size' };
  if (!travelsWithGrownUp(categories)) return { kind: 'invalid', reason: 'childrenAlone' };
  return { kind: 'party', counts, categories };
}

/** A fresh key for the form, so submitting it twice (a double click, a reload) books once. */
export function newFormKey(): string {
  return randomUUID();
}

export type BookingFormOutcome =
  | { kind: 'valid'; request: BookingRequest; idempotencyKey: string; values: Record<string, string> }
  | { kind: 'invalid'; problems: Map<string, FieldProblem>; values: Record<string, string> };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** Field names of passenger `index`'s inputs, e.g. `p0.fullName`. */
export const passengerField = (index: number, field: string) => `p${index}.${field}`;

export function readBookingForm(
  form: FormData,
  departureId: string,
  categories: readonly PassengerCategory[],
  language: Language,
): BookingFormOutcome {
  const values = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const passengers = categories.map((category, index) => {
    const field = (name: string) => text(form, passengerField(index, name));
    const guardianName = field('guardianName');
    return {
      category,
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
  const candidate = {
    departureId,
    passengers,
    contact: { email: text(form, 'email'), phone: text(form, 'phone') },
    language,
  };
  const idempotencyKey = text(form, 'idempotencyKey');
  const parsed = BookingRequest.safeParse(candidate);
  if (parsed.success && /^[\x21-\x7e]{8,255}$/.test(idempotencyKey)) {
    return { kind: 'valid', request: parsed.data, idempotencyKey, values };
  }
  const problems = new Map<string, FieldProblem>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [first, index, name, sub] = issue.path.map(String);
    if (first === 'contact' && index) {
      problems.set(index, index === 'email' ? 'email' : 'phone');
    } else if (first === 'passengers' && name !== undefined) {
      const position = Number(index);
      const passenger = passengers[position];
      if (name === 'guardian') {
        const field =
          sub === 'phone' ? 'guardianPhone' : sub === 'documentNumber' ? 'guardianDocument' : 'guardianName';
        problems.set(
          passengerField(position, field),
          sub ? (sub === 'phone' ? 'phone' : sub === 'fullName' ? 'fullName' : 'required') : 'guardian',
        );
      } else if (name === 'documentNumber') {
        problems.set(
          passengerField(position, name),
          passenger?.documentType === 'passport' ? 'passport' : 'citizenId',
        );
      } else if (name === 'nationality') {
        problems.set(
          passengerField(position, name),
          passenger?.documentType === 'citizen_id' ? 'citizenIdNationality' : 'nationality',
        );
      } else if (name === 'category') {
        problems.set(passengerField(position, 'nationality'), 'seniorNationality');
      } else {
        problems.set(passengerField(position, name), name === 'fullName' ? 'fullName' : 'required');
      }
    } else if (first === 'passengers') {
      problems.set('party', issue.message.includes('children') ? 'childrenAlone' : 'party');
    }
  }
  if (problems.size === 0) problems.set('party', 'party');
  return { kind: 'invalid', problems, values };
}
