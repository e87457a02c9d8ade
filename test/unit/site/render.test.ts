import { describe, expect, it } from 'vitest';
import { asVisitorSawIt } from '../../../functions/site/render.js';

const behindCloudFront = (forwardedHost: string) =>
  new Request('https://abc.execute-api.ap-southeast-1.amazonaws.com/en/bookings/new/?departure=x', {
    method: 'POST',
    headers: {
      'X-Forwarded-Host': forwardedHost,
      Origin: `https://${forwardedHost}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'p0.fullName=Nguy%E1%BB%85n+V%C4%83n+An',
  });

describe('asVisitorSawIt', () => {
  it('gives a request behind CloudFront the allowed address the visitor used, body and headers kept', async () => {
    const seen = asVisitorSawIt(behindCloudFront('d111.cloudfront.net'), {
      publicBaseUrl: undefined,
      allowedHosts: ['d111.cloudfront.net'],
    });
    expect(seen.url).toBe('https://d111.cloudfront.net/en/bookings/new/?departure=x');
    expect(seen.method).toBe('POST');
    expect(seen.headers.get('origin')).toBe('https://d111.cloudfront.net');
    expect((await seen.formData()).get('p0.fullName')).toBe('Nguyễn Văn An');
  });

  it('names the configured public address, whatever host is forwarded', () => {
    const seen = asVisitorSawIt(behindCloudFront('evil.example'), {
      publicBaseUrl: 'https://tourism.halong.gov.vn',
      allowedHosts: [],
    });
    expect(seen.url).toBe('https://tourism.halong.gov.vn/en/bookings/new/?departure=x');
  });

  it('ignores a forwarded host that is not allowed', () => {
    const forged = behindCloudFront('evil.example');
    const seen = asVisitorSawIt(forged, { publicBaseUrl: undefined, allowedHosts: ['d111.cloudfront.net'] });
    expect(seen).toBe(forged);
  });

  it('leaves a local request as it is', () => {
    const local = new Request('http://localhost:4321/vi/boats/');
    expect(asVisitorSawIt(local, { publicBaseUrl: undefined, allowedHosts: [] })).toBe(local);
  });
});
