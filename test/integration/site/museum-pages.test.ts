/** The museum's pages rendered per request from the stored content, as the local server and site Lambda do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exhibit, Visiting } from '../../../functions/museum/model.js';
import { type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices, type SiteServices } from '../../../functions/site/services.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let render: RenderPage;
let services: SiteServices;
let curatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  services = createSiteServices(platform.dependencies);
  ({ render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage });
  curatorToken = await platform.signIn('curator@halong.test', 'Curator-HaLong-2026');
});
afterAll(() => platform.dispose());

const page = (path: string) => render(new Request(`http://site.test${path}`), services);

function curatorPut(path: string, body: unknown) {
  return platform.app.request(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${curatorToken}` },
    body: JSON.stringify(body),
  });
}

describe('the museum catalogue', () => {
  it('lists every exhibit by floor and room, links each one, and needs no JavaScript', async () => {
    const { exhibits } = await services.museum.readCatalog();
    const response = await page('/en/museum/catalogue/');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const exhibit of exhibits) expect(html).toContain(`href="/en/museum/exhibits/${exhibit.id}/"`);
    expect(html).toContain('Entrance hall');
    expect(html).toContain('Outdoors');
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('searches without diacritics, in a plain GET form', async () => {
    const html = await (await page('/vi/museum/catalogue/?q=dau+ram')).text();
    expect(html).toMatch(/data-testid="search-results"[\s\S]*href="\/vi\/museum\/exhibits\/dau-ram-jar\/"/);
    expect(await (await page('/en/museum/catalogue/?q=zzzz')).text()).toContain('No exhibit matches “zzzz”.');
  });
});

describe('an exhibit’s page', () => {
  it('carries its text, where it stands, a meta description and schema.org JSON-LD, in each language', async () => {
    const html = await (await page('/en/museum/exhibits/golden-lotus-box/')).text();
    expect(html).toMatch(/<h1[^>]*>[^<]*lotus/i);
    expect(html).toContain('National treasure');
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
    const [data] = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
      JSON.parse(match[1] ?? 'null'),
    );
    expect(data).toMatchObject({ '@type': 'CreativeWork', isPartOf: { '@type': 'Museum' } });
    const vietnamese = await (await page('/vi/museum/exhibits/golden-lotus-box/')).text();
    expect(vietnamese).toContain('<html lang="vi"');
    expect(vietnamese).toContain('Bảo vật quốc gia');
    expect((await page('/en/museum/exhibits/no-such-exhibit/')).status).toBe(404);
  });

  it('shows a curator’s edit on the next load', async () => {
    const exhibit = (await (
      await platform.app.request('/api/museum/exhibits/anthracite-block')
    ).json()) as Exhibit;
    const { id, ...fields } = exhibit;
    const edited = {
      ...fields,
      description: { ...fields.description, en: ['Edited by the curator just now.'] },
    };
    expect((await curatorPut(`/api/museum/exhibits/${id}`, edited)).status).toBe(200);
    expect(await (await page(`/en/museum/exhibits/${id}/`)).text()).toContain(
      'Edited by the curator just now.',
    );
  });
});

describe('the museum page', () => {
  it('shows the opening hours and ticket prices curators set', async () => {
    const visiting = (await (await platform.app.request('/api/museum/visiting')).json()) as Visiting;
    const tickets = visiting.tickets.map((ticket) =>
      ticket.id === 'adult' ? { ...ticket, priceVnd: 45000 } : ticket,
    );
    expect((await curatorPut('/api/museum/visiting', { ...visiting, tickets })).status).toBe(200);
    const html = await (await page('/en/museum/')).text();
    expect(html).toMatch(/₫45,000/);
    expect(html).toContain('Highlights');
  });
});
