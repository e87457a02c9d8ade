// The parts of the portal's code and ticket logins that need no database: reading what guests type, and when a
// ticket counts.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskedAddress, readCodeAddress } from '../../../functions/wifi/portal/login-codes.js';
import { visitorPhoneMetadata } from '../../../functions/wifi/portal/phone-countries.js';
import {
  readBookingReference,
  ticketSessionMinutes,
  ticketValidAt,
} from '../../../functions/wifi/portal/ticket-login.js';

describe('the address a code is sent to', () => {
  it('reads e-mail addresses in lower case and mobile numbers as E.164, Vietnamese by default', async () => {
    expect(await readCodeAddress(' Lan.Nguyen@Example.VN ')).toEqual({
      channel: 'email',
      email: 'lan.nguyen@example.vn',
    });
    expect(await readCodeAddress('0912 345 678')).toEqual({ channel: 'sms', phone: '+84912345678' });
    expect(await readCodeAddress('+84 (98) 765-4321')).toEqual({ channel: 'sms', phone: '+84987654321' });
    expect(await readCodeAddress('+33 6 12 34 56 78')).toEqual({ channel: 'sms', phone: '+33612345678' });
  });

  it('refuses what is neither: short numbers, letters, a fixed line, a broken address', async () => {
    for (const typed of [
      '12345',
      '0912abc678',
      'an@',
      '@example.vn',
      '',
      '  ',
      '+84 1234',
      '024 3825 1234',
    ]) {
      expect(await readCodeAddress(typed), typed).toBeNull();
    }
  });

  it('reads mobile numbers of the visitors’ main countries, and asks others for an e-mail address', async () => {
    expect(await readCodeAddress('+86 138 0013 8000')).toEqual({ channel: 'sms', phone: '+8613800138000' });
    expect(await readCodeAddress('+82 10-2345-6789')).toEqual({ channel: 'sms', phone: '+821023456789' });
    expect(await readCodeAddress('+998 90 123 45 67')).toBeNull();
  });

  it('reads them with the library’s own mobile metadata, cut to those countries (npm run phone-metadata)', () => {
    const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
    expect(read('../../../functions/wifi/portal/phone-metadata.json')).toEqual(
      visitorPhoneMetadata(read('../../../node_modules/libphonenumber-js/metadata.mobile.json')),
    );
  });

  it('shows where a code went without the whole address', () => {
    expect(maskedAddress({ channel: 'email', email: 'lan.nguyen@example.vn' })).toBe('la•••@example.vn');
    expect(maskedAddress({ channel: 'sms', phone: '+84912345678' })).toBe('+84 ••• 678');
  });
});

describe('a booking reference as typed', () => {
  it('reads lower case, spaces, dashes and the look-alikes O, I and L', () => {
    expect(readBookingReference('hl7k2qx9md')).toBe('HL7K2QX9MD');
    expect(readBookingReference(' HL 7K2Q-X9MD ')).toBe('HL7K2QX9MD');
    expect(readBookingReference('HLO0I1L234')).toBe('HL00111234');
  });

  it('refuses what cannot be a reference', () => {
    for (const typed of ['HL7K2QX9M', 'XX7K2QX9MD', 'HL7K2QX9MU', 'HL7K2QX9MD1', '<script>']) {
      expect(readBookingReference(typed), typed).toBeNull();
    }
  });
});

describe('when a ticket lets its holder online', () => {
  // 2026-11-24 10:00 in Hạ Long (UTC+7).
  const now = new Date('2026-11-24T03:00:00Z');
  it('takes paid or boarded bookings for today and tomorrow, local time', () => {
    expect(ticketValidAt({ status: 'confirmed', localDate: '2026-11-24', seats: 2 }, now)).toBe(true);
    expect(ticketValidAt({ status: 'redeemed', localDate: '2026-11-24', seats: 2 }, now)).toBe(true);
    expect(ticketValidAt({ status: 'confirmed', localDate: '2026-11-25', seats: 2 }, now)).toBe(true);
    // 23:30 UTC on the 23rd is already the 24th in Hạ Long.
    expect(
      ticketValidAt(
        { status: 'confirmed', localDate: '2026-11-25', seats: 1 },
        new Date('2026-11-23T23:30:00Z'),
      ),
    ).toBe(true);
  });

  it('refuses holds, cancelled and expired bookings, past trips and trips later than tomorrow', () => {
    for (const status of ['on_hold', 'cancelled', 'expired'] as const) {
      expect(ticketValidAt({ status, localDate: '2026-11-24', seats: 1 }, now)).toBe(false);
    }
    expect(ticketValidAt({ status: 'confirmed', localDate: '2026-11-23', seats: 1 }, now)).toBe(false);
    expect(ticketValidAt({ status: 'confirmed', localDate: '2026-11-26', seats: 1 }, now)).toBe(false);
  });

  it('gives the ticket session, never shorter than the ordinary one', () => {
    const policy = { sessionMinutes: 120, downKbps: 0, upKbps: 0, quotaMB: 0, sessionsPerDevicePerDay: 3 };
    expect(ticketSessionMinutes(policy)).toBe(480);
    expect(ticketSessionMinutes({ ...policy, ticketSessionMinutes: 600 })).toBe(600);
    expect(ticketSessionMinutes({ ...policy, sessionMinutes: 720, ticketSessionMinutes: 600 })).toBe(720);
  });
});
