// The site's languages: which exist, their dictionaries, and the localized URL of a page.
import { en } from './en';
import { type Dictionary, vi } from './vi';

export type { Dictionary };

import { LANGUAGES, type Language } from '../../../functions/platform/language';

export type { Language };
export const languages = LANGUAGES;
export const defaultLanguage: Language = 'vi';

const dictionaries: Record<Language, Dictionary> = { vi, en };

/** The dictionary of `language`. */
export function t(language: Language): Dictionary {
  return dictionaries[language];
}

/** The BCP 47 locale Intl formats numbers and dates with for `language`. */
export function intlLocale(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

/** `/vi/boats/` for ('vi', '/boats/'); `pagePath` is the path below the language prefix and starts with '/'. */
export function localizedPath(language: Language, pagePath: string): string {
  return `/${language}${pagePath}`;
}

/** The language a `[lang]` route parameter names, or null when it is none of the site's languages. */
export function languageOf(parameter: string | undefined): Language | null {
  return languages.find((language) => language === parameter) ?? null;
}

/** The language of a path under a language prefix (`/en/boats/` → 'en'); null outside them. */
export function languageOfPath(pathname: string): Language | null {
  return languageOf(pathname.split('/')[1]);
}

/**
 * Static paths for a page under `src/pages/[lang]/`. One page file renders every language, where Astro's i18n
 * routing would need a copy of each page per locale folder.
 */
export function languageStaticPaths() {
  return languages.map((language) => ({ params: { lang: language }, props: { lang: language } }));
}
