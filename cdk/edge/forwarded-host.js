// CloudFront viewer-request function (cloudfront-js-2.0) of /api/*: API Gateway routes by its own host name, so
// CloudFront cannot forward the viewer's Host; this copies it into X-Forwarded-Host, replacing any the viewer
// sent, so functions can build links back to the site (payment return pages).

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the top-level handler by name.
function handler(event) {
  const request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  return request;
}
