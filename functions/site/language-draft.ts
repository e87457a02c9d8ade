/**
 * Switching language in the middle of a form keeps what was typed. The language links of a page with a form are
 * submit buttons of that form (web/src/components/LanguageSwitch.astro): they post the form, with a
 * `switchLanguage` field, to the same page in the other language. The host then renders that page as for a GET,
 * with the posted fields as its draft (`Astro.locals.draft`), so the form comes back filled in and nothing it
 * would have done — holding seats, saving, signing in — is done. Works without JavaScript.
 */

/** The field a language button adds to the form it submits. */
export const LANGUAGE_SWITCH_FIELD = 'switchLanguage';

/** Whether a posted form is a language switch rather than the form's own submission. */
export function isLanguageSwitch(form: FormData): boolean {
  return form.has(LANGUAGE_SWITCH_FIELD);
}

/** A draft's text fields by name (the first value of each), for filling a form in again. */
export function draftValues(draft: FormData | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!draft) return values;
  for (const [name, value] of draft) {
    if (name === LANGUAGE_SWITCH_FIELD || typeof value !== 'string' || name in values) continue;
    values[name] = value;
  }
  return values;
}
