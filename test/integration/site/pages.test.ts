/**
 * The site's pages rendered per request, as the local server and the site Lambda render them: Astro's built
 * server entry called with a Request and the domain services over a fresh table in DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StoreUnavailableError } from '../../../functions/platform/store-unavailable.js';
import { type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices, type SiteServices } from '../../../functions/site/services.js';
import { SHARED_PAGE_CACHE_CONTROL } from '../../../functions/site/shared-pages.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let render: RenderPage;
let services: SiteServices;

beforeAll(async () => {
  platform = await createTestPlatform();
  services = createSiteServices(platform.dependencies);
  ({ render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage });
});
afterAll(() => platform.dispose());

const page = (path: string, headers: Record<string, string> = {}, locals = services) =>
  render(new Request(`http://site.test${path}`, { headers }), locals);

/** The JSON-LD blocks of a page, parsed. */
function structuredData(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
    JSON.parse(match[1] ?? 'null'),
  );
}

describe('the boats pages', () => {
  it('carry every route with its fee in the HTML, with a short shared cache lifetime', async () => {
    const response = await page('/en/boats/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(SHARED_PAGE_CACHE_CONTROL);
    const html = await response.text();
    expect(html.match(/data-testid="route-card"/g)).toHaveLength(8);
    expect(html).toContain('Thiên Cung Cave');
    expect(html).toMatch(/₫290,000/);
    expect(html).toContain('Children aged 7 to 12');
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('speak Vietnamese under /vi/', async () => {
    const html = await (await page('/vi/boats/')).text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Hang Thiên Cung');
    expect(html).toMatch(/290\.000\s₫/);
  });

  it('show a fee edited through the API on the next request', async () => {
    const token = await platform.signIn(demo.manager.email, demo.manager.password);
    const {
      id: _id,
      updatedAt: _updatedAt,
      discounts: _discounts,
      ...route6
    } = await (await platform.app.request('/api/boats/routes/6')).json();
    const edited = await platform.app.request('/api/boats/routes/6', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...route6, sightseeingFee: { ...route6.sightseeingFee, amountVnd: 175000 } }),
    });
    expect(edited.status).toBe(200);
    expect(await (await page('/en/boats/')).text()).toMatch(/₫175,000/);
    expect(await (await page('/en/boats/routes/6/')).text()).toMatch(/₫175,000/);
  });
});

describe('a route’s page', () => {
  it('lists the stops in order with their positions, and the ports boats leave from', async () => {
    const html = await (await page('/en/boats/routes/1/')).text();
    expect(html).toContain('<h1>Route 1: Thiên Cung and Đầu Gỗ caves, Fighting Cocks Islet</h1>');
    const stops = [...html.matchAll(/<span class="stop-name">(.*?)<\/span>/g)].map((match) => match[1]);
    expect(stops).toEqual([
      'Thiên Cung Cave',
      'Đầu Gỗ Cave',
      'Fighting Cocks Islet (Hòn Gà Chọi)',
      'Incense Burner Islet (Hòn Đỉnh Hương)',
      'Stone Dog Islet (Hòn Chó Đá)',
      'Ba Hang',
    ]);
    expect(html).toContain('20.913° N, 107.008° E');
    expect(html).toContain('Tuần Châu International Passenger Port');
    expect(html).toMatch(/<meta name="description" content="The most popular short route[^"]*₫290,000\.">/);
  });

  it('describes the route as a schema.org TouristTrip', async () => {
    const [trip] = structuredData(await (await page('/vi/boats/routes/2/')).text());
    expect(trip).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'TouristTrip',
      url: 'http://site.test/vi/boats/routes/2/',
      inLanguage: 'vi',
      tripOrigin: { '@type': 'BoatTerminal', name: 'Cảng tàu khách quốc tế Tuần Châu' },
      offers: { '@type': 'Offer', price: 290000, priceCurrency: 'VND' },
    });
    const itinerary = (trip as { itinerary: { itemListElement: { position: number }[] } }).itinerary;
    expect(itinerary.itemListElement.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([
    ['/en/boats/routes/77/', 'en', 'Page not found'],
    ['/vi/boats/routes/77/', 'vi', 'Không tìm thấy trang'],
    ['/en/boats/routes/route-one/', 'en', 'Page not found'],
    ['/fr/boats/', 'vi', 'Không tìm thấy trang'],
  ])('answers %s with a real 404 page in %s', async (path, language, heading) => {
    const response = await page(path);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(`<h1>${heading}</h1>`);
  });

  it('answers an address outside both languages in the visitor’s preferred language, kept by no shared cache', async () => {
    const response = await page('/no/such/page/', { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toContain('<html lang="en"');
  });
});

describe('the departure search page', () => {
  const tomorrow = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);

  it('lists the departures the API finds for the same query, with the price for each kind of passenger', async () => {
    const query = `date=${tomorrow}&route=2&passengers=2`;
    const { departures } = (await (await platform.app.request(`/api/boats/departures?${query}`)).json()) as {
      departures: { departsAt: string; prices: { adult: number } }[];
    };
    expect(departures.length).toBeGreaterThan(0);
    const response = await page(`/en/boats/departures/?${query}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/data-testid="departure"/g)).toHaveLength(departures.length);
    const first = departures[0];
    expect(html).toContain(`<time datetime="${first?.departsAt}">`);
    expect(html).toContain(`₫${first?.prices.adult.toLocaleString('en-GB')}`);
    expect(html).toContain('Child under 7 or under 1.2 m');
  });

  it('explains a query it cannot read in plain words, with status 400', async () => {
    const response = await page('/vi/boats/departures/?passengers=99');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Vui lòng kiểm tra lại: số người (1–60).');
    expect(html).toMatch(/id="search-passengers"[^>]*aria-invalid="true"/);
  });
});

describe('the production build', () => {
  it('reads only through the services the host passes in, never builds its own data access', async () => {
    // Under `npm run dev` the middleware builds the services from the environment; a production build must not,
    // even where the environment names a table it could read.
    const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, table: process.env.TABLE_NAME };
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      TABLE_NAME: platform.tableName,
    });
    try {
      const response = await page('/en/boats/', {}, {} as SiteServices);
      expect(response.status).toBe(500);
    } finally {
      for (const [name, value] of [
        ['DYNAMODB_ENDPOINT', saved.endpoint],
        ['TABLE_NAME', saved.table],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('when the data store fails', () => {
  const failing = (): SiteServices => ({
    ...services,
    boats: {
      ...services.boats,
      listRoutes: () => Promise.reject(new Error('ProvisionedThroughputExceededException: secret detail')),
    },
  });

  it.each([
    ['/en/boats/', 'en', 'Something went wrong'],
    ['/vi/boats/', 'vi', 'Đã có lỗi xảy ra'],
  ])(
    '%s answers 500 with an error page in its language, never cached, never the error',
    async (path, language, heading) => {
      const response = await page(path, {}, failing());
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const html = await response.text();
      expect(html).toContain(`<html lang="${language}"`);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).not.toContain('secret detail');
    },
  );

  it.each([
    ['/en/boats/', 'Our data is out of reach for a moment'],
    ['/vi/boats/', 'Tạm thời không truy cập được dữ liệu'],
  ])(
    '%s answers 503 with Retry-After when the store does not answer, never cached',
    async (path, heading) => {
      const unanswered = new StoreUnavailableError(
        Object.assign(new Error('timed out'), { name: 'TimeoutError' }),
      );
      const response = await page(
        path,
        {},
        {
          ...services,
          boats: { ...services.boats, listRoutes: () => Promise.reject(unanswered) },
        },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.text()).toContain(`<h1>${heading}</h1>`);
    },
  );
});
