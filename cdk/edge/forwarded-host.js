// CloudFront viewer-request function (cloudfront-js-2.0) of /api/* and /portal/*: API Gateway routes by its own
// host name, so CloudFront cannot forward the viewer's Host; this copies it into X-Forwarded-Host, replacing any
// the viewer sent, so functions can build links back to the site (payment return pages) and know the address a
// Wi-Fi gateway sent its guest to (CoovaChilli signs it). Behind CloudFront, API Gateway sees an edge server's
// address, not the viewer's: this writes the viewer's into X-Viewer-Address (functions/platform/client-address.ts),
// replacing any the viewer sent, for the portal's attempt limits.

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls the top-level handler by name.
function handler(event) {
  const request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  request.headers['x-viewer-address'] = { value: event.viewer.ip };
  return request;
}
