/**
 * Picks the site language for a visitor arriving at `/`. The same rule runs in the CloudFront function
 * on AWS (cdk/edge/site-router.js); both are tested against the same cases.
 */
import { LANGUAGES, type Language } from '../platform/language.js';

export const siteLanguages = LANGUAGES;
export type SiteLanguage = Language;

/**
 * No header: Vietnamese (the home audience). Otherwise the supported language the visitor ranks highest
 * (by q-value, then order); a visitor who accepts neither gets English, the bay's lingua franca.
 */
export function preferredLanguage(acceptLanguage: string | undefined | null): SiteLanguage {
  if (!acceptLanguage || acceptLanguage.trim() === '') return 'vi';
  let best: { language: SiteLanguage; quality: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...parameters] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const qualityParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if ((primary === 'vi' || primary === 'en') && (!best || quality > best.quality)) {
      best = { language: primary, quality };
    }
  }
  return best?.language ?? 'en';
}
