// The CloudFront function cdk/edge/forwarded-host.js, run as CloudFront would, and publicOrigin reading its header.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicOrigin } from '../../functions/platform/public-origin.js';

type ViewerRequest = { uri: string; headers: Record<string, { value: string }> };
const source = readFileSync(new URL('../../cdk/edge/forwarded-host.js', import.meta.url), 'utf8');
const handler = new Function(`${source}; return handler;`)() as (event: {
  viewer: { ip: string };
  request: ViewerRequest;
}) => ViewerRequest;

describe('forwarded-host CloudFront function', () => {
  it('copies the viewer Host into X-Forwarded-Host, replacing whatever the viewer sent', () => {
    const forwarded = handler({
      viewer: { ip: '203.0.113.7' },
      request: {
        uri: '/api/bookings/HL7K2QX9MD/checkout',
        headers: { host: { value: 'd111.cloudfront.net' }, 'x-forwarded-host': { value: 'evil.example' } },
      },
    });
    expect(forwarded.headers['x-forwarded-host']).toEqual({ value: 'd111.cloudfront.net' });
    expect(forwarded.uri).toBe('/api/bookings/HL7K2QX9MD/checkout');
  });

  it('tells the function the viewer’s address, replacing whatever the viewer claimed', () => {
    const forwarded = handler({
      viewer: { ip: '2001:db8::7' },
      request: {
        uri: '/portal/halong-marina',
        headers: { host: { value: 'd111.cloudfront.net' }, 'x-viewer-address': { value: '10.0.0.1' } },
      },
    });
    expect(forwarded.headers['x-viewer-address']).toEqual({ value: '2001:db8::7' });
    expect(forwarded.uri).toBe('/portal/halong-marina');
  });
});

describe('publicOrigin', () => {
  const behindCloudFront = new Request('https://abc.execute-api.ap-southeast-1.amazonaws.com/api/x', {
    headers: { 'X-Forwarded-Host': 'd111.cloudfront.net' },
  });
  const cloudFrontAllowed = { publicBaseUrl: undefined, allowedHosts: ['d111.cloudfront.net'] };

  it('prefers PUBLIC_BASE_URL, then an allowed host CloudFront saw, then the request itself', () => {
    expect(
      publicOrigin(behindCloudFront, {
        publicBaseUrl: 'https://tourism.halong.gov.vn/some/path',
        allowedHosts: ['d111.cloudfront.net'],
      }),
    ).toBe('https://tourism.halong.gov.vn');
    expect(publicOrigin(behindCloudFront, cloudFrontAllowed)).toBe('https://d111.cloudfront.net');
    expect(publicOrigin(new Request('http://localhost:4321/api/x'), cloudFrontAllowed)).toBe(
      'http://localhost:4321',
    );
  });

  it('ignores a forwarded host that is not on the allow-list, or when there is none', () => {
    const forged = (host: string) =>
      new Request('https://abc.execute-api.ap-southeast-1.amazonaws.com/api/x', {
        headers: { 'X-Forwarded-Host': host },
      });
    const apiGateway = 'https://abc.execute-api.ap-southeast-1.amazonaws.com';
    expect(publicOrigin(forged('evil.example'), cloudFrontAllowed)).toBe(apiGateway);
    expect(publicOrigin(forged('evil.example/phish?x='), cloudFrontAllowed)).toBe(apiGateway);
    expect(publicOrigin(forged('d111.cloudfront.net.evil.example'), cloudFrontAllowed)).toBe(apiGateway);
    expect(publicOrigin(behindCloudFront, { publicBaseUrl: undefined, allowedHosts: [] })).toBe(apiGateway);
  });
});
