// Money, date and percentage formatting for display, in the visitor's language and Vietnam's time zone.
import { formatVnd as formatMoney } from '../../../functions/platform/money';
import { intlLocale, type Language } from '../i18n';

const vietnamTimeZone = 'Asia/Ho_Chi_Minh';

/**
 * One formatter per kind and language, made on first use and kept: building an Intl formatter costs far more
 * than formatting with it, and a page formats hundreds of prices and dates (most of a render's time otherwise).
 */
function perLanguage<T>(make: (language: Language) => T): (language: Language) => T {
  const made = new Map<Language, T>();
  return (language) => {
    let formatter = made.get(language);
    if (formatter === undefined) {
      formatter = make(language);
      made.set(language, formatter);
    }
    return formatter;
  };
}

const calendarDateFormat = perLanguage(
  (language) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      ...(language === 'vi'
        ? ({ day: '2-digit', month: '2-digit', year: 'numeric' } as const)
        : ({ day: 'numeric', month: 'long', year: 'numeric' } as const)),
      timeZone: vietnamTimeZone,
    }),
);
const weekdayDateFormat = perLanguage(
  (language) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      weekday: 'long',
      ...(language === 'vi'
        ? ({ day: '2-digit', month: '2-digit', year: 'numeric' } as const)
        : ({ day: 'numeric', month: 'long', year: 'numeric' } as const)),
      timeZone: vietnamTimeZone,
    }),
);
const shortDayFormat = perLanguage(
  (language) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      weekday: 'short',
      day: 'numeric',
      month: language === 'vi' ? 'numeric' : 'short',
      timeZone: vietnamTimeZone,
    }),
);
const percentFormat = perLanguage(
  (language) => new Intl.NumberFormat(intlLocale(language), { style: 'percent' }),
);
const coordinateFormat = perLanguage(
  (language) =>
    new Intl.NumberFormat(intlLocale(language), { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
);
const localTimeFormat = perLanguage(
  (language) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: vietnamTimeZone,
    }),
);

/** 290000 → "290.000 ₫" in Vietnamese, "₫290,000" in English; VND has no minor unit. */
export function formatVnd(amountVnd: number, language: Language): string {
  return formatMoney(amountVnd, language);
}

/** '2025-05-01' → "01/05/2025" in Vietnamese, "1 May 2025" in English (unambiguous for visitors from abroad). */
export function formatCalendarDate(isoDate: string, language: Language): string {
  // Midnight in Vietnam, so the date shown is the date published whatever the browser's own time zone.
  return calendarDateFormat(language).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** '2026-12-08' → "Thứ Ba, 08/12/2026" in Vietnamese, "Tuesday, 8 December 2026" in English: a working day. */
export function formatDateWithWeekday(isoDate: string, language: Language): string {
  return weekdayDateFormat(language).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** '2026-12-08' → "Thứ 3, 8/12" in Vietnamese, "Tue 8 Dec" in English: a nearby day, its year understood. */
export function formatShortDay(isoDate: string, language: Language): string {
  return shortDayFormat(language).format(new Date(`${isoDate}T00:00:00+07:00`));
}

/** 20 → "20%" */
export function formatPercent(percent: number, language: Language): string {
  return percentFormat(language).format(percent / 100);
}

/** Replaces each `{name}` in `template` with `values[name]`, for dictionary strings with a slot. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** { lat: 20.92, lon: 106.993 } → "20.920° N, 106.993° E" in English, "20,920° B, 106,993° Đ" in Vietnamese. */
export function formatCoordinates(position: { lat: number; lon: number }, language: Language): string {
  const number = coordinateFormat(language);
  const [north, south, east, west] = language === 'vi' ? ['B', 'N', 'Đ', 'T'] : ['N', 'S', 'E', 'W'];
  const latitude = `${number.format(Math.abs(position.lat))}° ${position.lat >= 0 ? north : south}`;
  const longitude = `${number.format(Math.abs(position.lon))}° ${position.lon >= 0 ? east : west}`;
  return `${latitude}, ${longitude}`;
}

/** The OpenStreetMap page centred on `position`, with a marker. */
export function openStreetMapUrl(position: { lat: number; lon: number }): string {
  return `https://www.openstreetmap.org/?mlat=${position.lat}&mlon=${position.lon}#map=14/${position.lat}/${position.lon}`;
}

/** '2026-11-24T01:00:00.000Z' → "08:00", the time of day in Vietnam whatever the server's own time zone. */
export function formatLocalTime(instant: string, language: Language): string {
  return localTimeFormat(language).format(new Date(instant));
}

/** An instant as its date and time of day in Hạ Long: "24/11/2026 08:00", "24 November 2026 08:00". */
export function formatLocalDateTime(instant: string, language: Language): string {
  const at = new Date(instant);
  return `${calendarDateFormat(language).format(at)} ${localTimeFormat(language).format(at)}`;
}
