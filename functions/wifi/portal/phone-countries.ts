/**
 * The countries whose mobile numbers the portal reads for SMS login codes: Vietnam, and the countries most of Hạ
 * Long's international visitors come from (China, Korea, Japan, Taiwan and their neighbours, North America,
 * Europe, Australia and New Zealand, India, South-East Asia, Russia, Israel). The metadata itself is derived from
 * libphonenumber-js's own by `npm run phone-metadata`.
 */
export const VISITOR_PHONE_COUNTRIES = [
  'VN',
  'CN',
  'KR',
  'JP',
  'TW',
  'HK',
  'MO',
  'US',
  'CA',
  'GB',
  'FR',
  'DE',
  'AU',
  'NZ',
  'RU',
  'IN',
  'TH',
  'MY',
  'SG',
  'PH',
  'ID',
  'LA',
  'KH',
  'IT',
  'ES',
  'NL',
  'BE',
  'CH',
  'AT',
  'SE',
  'DK',
  'NO',
  'FI',
  'IE',
  'PL',
  'IL',
  'PT',
  'CZ',
] as const;

interface PhoneMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
}

/** The library's metadata with only those countries (and the calling codes that lead to them). */
export function visitorPhoneMetadata(full: PhoneMetadata): PhoneMetadata {
  const kept = new Set<string>(VISITOR_PHONE_COUNTRIES);
  const codes = Object.fromEntries(
    Object.entries(full.country_calling_codes)
      .map(([code, countries]) => [code, countries.filter((country) => kept.has(country))] as const)
      .filter(([, countries]) => countries.length > 0),
  );
  const countries = Object.fromEntries(
    VISITOR_PHONE_COUNTRIES.map((country) => [country, full.countries[country]]),
  );
  // Non-geographic numbers (+800, +882…) take no SMS login codes.
  return { version: full.version, country_calling_codes: codes, countries, nonGeographic: {} };
}
