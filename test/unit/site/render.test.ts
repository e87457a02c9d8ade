import { describe, expect, it } from 'vitest';
import { asVisitorSawIt } from '../../../functions/site/render.js';

describe('asVisitorSawIt', () => {
  it('gives a request behind CloudFront the address the visitor used, body and headers kept', async () => {
    const behind = new Request(
      'https://abc.execute-api.ap-southeast-1.amazonaws.com/en/bookings/new/?departure=x',
      {
        method: 'POST',
        headers: {
          'X-Forwarded-Host': 'd111.cloudfront.net',
          Origin: 'https://d111.cloudfront.net',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'p0.fullName=Nguy%E1%BB%85n+V%C4%83n+An',
      },
    );
    const seen = asVisitorSawIt(behind);
    expect(seen.url).toBe('https://d111.cloudfront.net/en/bookings/new/?departure=x');
    expect(seen.method).toBe('POST');
    expect(seen.headers.get('origin')).toBe('https://d111.cloudfront.net');
    expect((await seen.formData()).get('p0.fullName')).toBe('Nguyễn Văn An');
  });

  it('leaves a local request as it is', () => {
    const local = new Request('http://localhost:4321/vi/boats/');
    expect(asVisitorSawIt(local)).toBe(local);
  });
});
