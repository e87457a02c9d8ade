// CloudFront viewer-request function (cloudfront-js-2.0) of the site: `/` -> language home, clean URLs -> index.html,
// unknown pages -> the site's 404 page with status 404.
// Plain script, no modules: CloudFront runs the top-level `handler`. The runtime is ES5.1 plus a few later
// features (const, let, arrow functions, template literals), so the code sticks to those.

/**
 * The language rule of functions/local/language.ts, line for line (both are tested against
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

// Filled in at synth time from the built site by cdk/edge/site-router-code.ts. Answering unknown pages here,
// rather than with the distribution's error responses, keeps the API's own 403/404 problem answers intact:
// CloudFront applies error responses to every behavior, /api/* included.
const SITE_PAGES = /* SITE_PAGES */ {};
const NOT_FOUND_PAGE = /* NOT_FOUND_PAGE */ '';

/** The S3 key of a clean URL: `/en/boats` and `/en/boats/` are `/en/boats/index.html`; files are left alone. */
function objectKeyFor(uri) {
  const lastSegment = uri.slice(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') !== -1) return uri;
  return uri.charAt(uri.length - 1) === '/' ? `${uri}index.html` : `${uri}/index.html`;
}

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
  const objectKey = objectKeyFor(request.uri);
  if (objectKey !== request.uri && !SITE_PAGES[objectKey]) {
    return {
      statusCode: 404,
      statusDescription: 'Not Found',
      headers: {
        'content-type': { value: 'text/html; charset=utf-8' },
        'cache-control': { value: 'public, max-age=60' },
      },
      body: { encoding: 'text', data: NOT_FOUND_PAGE },
    };
  }
  request.uri = objectKey;
  return request;
}
