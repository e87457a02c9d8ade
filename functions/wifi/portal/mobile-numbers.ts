/**
 * Mobile numbers as guests type them, read with libphonenumber-js and the mobile-only metadata of
 * phone-countries.ts. Its own module because the rules weigh 70 KiB: the portal loads them with the first
 * number typed, not with every cold start (docs/decisions.md, lean functions).
 */
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import phoneMetadata from './phone-metadata.json' with { type: 'json' };

/**
 * The number in E.164 (+84912345678), Vietnamese when written without a country code; null unless it is a
 * mobile number of a country the metadata holds.
 */
export function readMobileNumber(typed: string): string | null {
  // The mobile metadata knows only mobile numbers: a fixed line, which no SMS reaches, is not valid with it; it
  // holds the countries most visitors come from (phone-countries.ts), others are asked for an e-mail address.
  const phone = parsePhoneNumberFromString(typed, 'VN', phoneMetadata as unknown as MetadataJson);
  return phone?.isValid() ? phone.number : null;
}
