/**
 * Money as the platform writes it, the same on the site's pages, in messages and on the local test checkout:
 * 290000 → "290.000 ₫" in Vietnamese, "₫290,000" in English. VND has no minor unit.
 */
import type { Language } from './language.js';

const formats = new Map<Language, Intl.NumberFormat>();

/** The locale each language formats numbers and dates with (British English: day before month). */
export function intlLocaleOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatVnd(amountVnd: number, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    // Building an Intl formatter costs far more than formatting with it: one per language, kept.
    format = new Intl.NumberFormat(intlLocaleOf(language), {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    });
    formats.set(language, format);
  }
  return format.format(amountVnd);
}
