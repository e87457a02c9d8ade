// Which writes forget which page data, and the middleware that forgets it only when the write succeeded.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../../functions/platform/read-cache.js';
import { forgetPageDataChangedByWrites, pageDataChangedBy } from '../../../functions/site/page-data-cache.js';

describe('the page data a request changes', () => {
  it.each([
    ['PUT', '/api/boats/routes/6', ['routes', 'departures']],
    ['POST', '/api/boats/departures', ['departures']],
    ['PUT', '/api/boats/cancellation-policy', ['departures']],
    ['POST', '/api/bookings', ['departures']],
    ['POST', '/api/payments/HL12345678/cancel', ['departures']],
    ['POST', '/api/payments/stripe/webhook', ['departures']],
    ['PUT', '/api/museum/exhibits/bronze-drum', ['museum']],
    ['PUT', '/api/museum/visiting', ['museum']],
    ['POST', '/api/museum/events', []],
    ['DELETE', '/api/wifi/hotspots/hl-001', ['hotspots']],
    ['POST', '/en/bookings/new/', ['departures']],
    ['POST', '/vi/operator/', ['departures']],
    ['POST', '/en/staff/museum/exhibits/bronze-drum/', ['museum']],
    ['POST', '/api/auth/session', []],
    ['POST', '/portal/hl-001/login', []],
  ])('%s %s changes %j', (method, path, topics) => {
    expect(pageDataChangedBy(method, path)).toEqual(topics);
  });

  it('is nothing for a read', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(pageDataChangedBy(method, '/api/boats/routes/6')).toEqual([]);
    }
  });
});

describe('forgetting page data after a write', () => {
  function setUp(status: number) {
    const cache = createReadCache({ ttlMilliseconds: 60_000, maxEntries: 10 });
    const app = new Hono();
    app.use('*', forgetPageDataChangedByWrites(cache));
    app.put('/api/museum/exhibits/:id', (context) => context.body(null, status as 200));
    let loads = 0;
    const readCatalogue = () =>
      cache.read('museum', 'catalogue', async () => {
        loads += 1;
        return loads;
      });
    return { app, readCatalogue };
  }

  it('forgets what a successful write changed', async () => {
    const { app, readCatalogue } = setUp(200);
    expect(await readCatalogue()).toBe(1);
    await app.request('/api/museum/exhibits/bronze-drum', { method: 'PUT' });
    expect(await readCatalogue()).toBe(2);
  });

  it('keeps everything when the write was refused', async () => {
    const { app, readCatalogue } = setUp(422);
    expect(await readCatalogue()).toBe(1);
    await app.request('/api/museum/exhibits/bronze-drum', { method: 'PUT' });
    expect(await readCatalogue()).toBe(1);
  });
});
