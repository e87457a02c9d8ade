// CloudFront viewer-request function (cloudfront-js-2.0) of the site: `/` -> language home, the clean URL of a
// prerendered page -> its index.html in S3 (and that URL without its slash -> the slashed one); everything else
// passes through unchanged.
// Plain script, no modules: CloudFront runs the top-level `handler`. The runtime is ES5.1 plus a few later
// features (const, let, arrow functions, template literals), so the code sticks to those.

/**
 * The language rule of functions/site/language.ts, line for line (both are tested against
 * test/support/language-cases.ts). No header: Vietnamese, the home audience. Otherwise the supported
 * language the visitor ranks highest (by q-value, then order); neither accepted: English.
 */
function preferredLanguage(acceptLanguage) {
  if (!acceptLanguage || acceptLanguage.trim() === '') return 'vi';
  let best = null;
  let bestQuality = 0;
  const parts = acceptLanguage.split(',');
  for (let i = 0; i < parts.length; i++) {
    const pieces = parts[i].trim().split(';');
    const primary = pieces[0].trim().toLowerCase().split('-')[0];
    let quality = 1;
    for (let j = 1; j < pieces.length; j++) {
      const parameter = pieces[j].trim();
      if (parameter.indexOf('q=') === 0) {
        quality = Number(parameter.slice(2));
        break;
      }
    }
    // Rejects q=0 (not acceptable) and anything unparsable.
    if (!(quality > 0 && quality < Number.POSITIVE_INFINITY)) continue;
    if ((primary === 'vi' || primary === 'en') && (best === null || quality > bestQuality)) {
      best = primary;
      bestQuality = quality;
    }
  }
  return best === null ? 'en' : best;
}

// Filled in at synth time from the built site by cdk/edge/site-router-code.ts: the S3 keys of the prerendered
// pages. Every other page is rendered per request by the site function, which also answers unknown addresses
// with the 404 page in the visitor's language.
const PRERENDERED_PAGES = /* PRERENDERED_PAGES */ {};

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the top-level handler by name.
function handler(event) {
  const request = event.request;
  if (request.uri === '/') {
    const header = request.headers['accept-language'];
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: {
        location: { value: `/${preferredLanguage(header ? header.value : null)}/` },
        // The answer depends on the visitor's header, so no shared cache may keep it.
        vary: { value: 'accept-language' },
        'cache-control': { value: 'private, no-store' },
      },
    };
  }
  // API Gateway needs its own Host, so CloudFront cannot forward the viewer's: the site function reads it here
  // (form posts are checked against the site's own origin, and links back to the site are built from it).
  if (request.headers.host) request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  // A prerendered page's clean URL (`/en/`) is its index.html in the bucket; without its slash (`/en`) it would
  // reach the site function, which renders only the other pages, so the visitor is sent to the slashed address.
  const uri = request.uri;
  if (uri.charAt(uri.length - 1) !== '/') {
    if (!PRERENDERED_PAGES[`${uri}/index.html`]) return request;
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: `${uri}/` }, 'cache-control': { value: 'public, max-age=3600' } },
    };
  }
  if (PRERENDERED_PAGES[`${uri}index.html`]) request.uri = `${uri}index.html`;
  return request;
}
