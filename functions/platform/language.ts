/**
 * The languages the product speaks, Vietnamese first (the home audience), spelled once for every domain, the
 * site and the museum's browser code.
 */
export const LANGUAGES = ['vi', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

/** A text (or anything) in each language. */
export type Localized<T = string> = Record<Language, T>;
