/**
 * The curators' museum pages through the built site mounted on the API app, as the local server mounts them:
 * who may edit, the exhibit list and its filter, preview that saves nothing, refusals that keep what was typed, a
 * saved edit on the public page (and the CDN asked to forget the old one), deleting in two steps, the visiting
 * information and a tour's stops.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invalidation } from '../../../functions/platform/cdn/port.js';
import type { ItemKey } from '../../../functions/platform/table.js';
import { invalidateStalePages } from '../../../functions/site/page-invalidation.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices, type SiteServices } from '../../../functions/site/services.js';
import { createTestPlatform, demo, silentLogger, type TestPlatform } from '../support/platform.js';

const curator = { email: 'curator@halong.test', password: 'Curator-HaLong-2026' };
const origin = 'http://localhost';
let platform: TestPlatform;
let services: SiteServices;
let curatorCookie: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  services = createSiteServices(platform.dependencies);
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, services);
  curatorCookie = await signIn(curator);
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return platform.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: {
      Origin: origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await post('/api/auth/session', { ...account, next: '/en/staff/museum/', language: 'en' });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** An exhibit's form as its edit page fills it in. */
async function exhibitForm(id: string): Promise<Record<string, string>> {
  const tools = await services.curation.pageTools();
  return tools.exhibitFormValues(await services.museum.getExhibit(id));
}

const storedExhibit = async (id: string) => (await services.curation.exhibit(id))?.title.en;

describe('who may edit the museum', () => {
  it('sends a visitor without a session to sign in, and back to the page after', async () => {
    const response = await get('/en/staff/museum/exhibits/dau-ram-jar/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/en/staff/sign-in/?next=%2Fen%2Fstaff%2Fmuseum%2Fexhibits%2Fdau-ram-jar%2F',
    );
  });

  it('lets curators and admins in', async () => {
    expect((await get('/en/staff/museum/', curatorCookie)).status).toBe(200);
    const admin = await signIn(demo.admin);
    const page = await get('/vi/staff/museum/exhibits/dau-ram-jar/', admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sửa hiện vật');
  });

  it('refuses an operator with a 403 page saying who the pages are for, and saves nothing they post', async () => {
    const operator = await signIn(demo.operator);
    const page = await get('/en/staff/museum/', operator);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('This page is for museum curators and admins');
    expect(html).toContain('Your roles: operator.');

    const before = await storedExhibit('dau-ram-jar');
    const form = { ...(await exhibitForm('dau-ram-jar')), 'title.en': 'Operator was here', intent: 'save' };
    expect((await post('/en/staff/museum/exhibits/dau-ram-jar/', form, operator)).status).toBe(403);
    expect(await storedExhibit('dau-ram-jar')).toBe(before);
  });
});

describe('the list of exhibits', () => {
  it('filters by floor, room and words from the address, in a plain GET form', async () => {
    const { exhibits, rooms } = await services.museum.readCatalog();
    const everything = await (await get('/en/staff/museum/', curatorCookie)).text();
    expect(everything).toContain(`${exhibits.length} of ${exhibits.length} exhibits`);
    expect(everything).toMatch(/<form id="exhibit-filter"[^>]*method="get"/);

    const room = rooms[0];
    if (!room) throw new Error('the seed has rooms');
    const inRoom = exhibits.filter((exhibit) => exhibit.roomId === room.id);
    const byRoom = await (await get(`/en/staff/museum/?room=${room.id}`, curatorCookie)).text();
    expect(byRoom).toContain(`${inRoom.length} of ${exhibits.length} exhibits`);
    for (const exhibit of inRoom) expect(byRoom).toContain(`data-exhibit-id="${exhibit.id}"`);

    const byWords = await (await get('/en/staff/museum/?words=whale&floor=0', curatorCookie)).text();
    expect(byWords).toContain('data-exhibit-id="whale-skeleton"');
    expect(byWords).not.toContain('data-exhibit-id="dau-ram-jar"');
    const none = await (await get('/en/staff/museum/?words=zzzz', curatorCookie)).text();
    expect(none).toContain('No exhibit matches this filter.');
  });
});

describe('editing an exhibit', () => {
  it('shows both languages’ texts side by side in one form', async () => {
    const html = await (await get('/en/staff/museum/exhibits/dau-ram-jar/', curatorCookie)).text();
    const exhibit = await services.museum.getExhibit('dau-ram-jar');
    expect(html).toContain(`name="title.vi" lang="vi"`);
    expect(html).toContain(`value="${exhibit.title.en}"`);
    expect(html).toMatch(/<label for="field-title-en">English<\/label>/);
  });

  it('previews the posted values as the public page shows them, and saves nothing', async () => {
    const before = await storedExhibit('dau-ram-jar');
    const form = { ...(await exhibitForm('dau-ram-jar')), 'title.en': 'A jar previewed', intent: 'preview' };
    const response = await post('/en/staff/museum/exhibits/dau-ram-jar/', form, curatorCookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/data-testid="curation-preview"[\s\S]*<h3[^>]*>A jar previewed<\/h3>/);
    expect(html).toContain('value="A jar previewed"');
    expect(await storedExhibit('dau-ram-jar')).toBe(before);
  });

  it('refuses a form the API would refuse, keeping what was typed and naming each field’s problem', async () => {
    const before = await storedExhibit('dau-ram-jar');
    const form = {
      ...(await exhibitForm('dau-ram-jar')),
      'title.en': '',
      'period.vi': 'Kept as typed',
      'model.size.width': '99',
      intent: 'save',
    };
    const response = await post('/en/staff/museum/exhibits/dau-ram-jar/', form, curatorCookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Nothing is saved: please correct 2 fields below.');
    expect(html).toMatch(/href="#field-title-en"[^>]*>\s*Title \(English\): Too small/);
    expect(html).toMatch(/href="#field-model-size-width"[^>]*>\s*Width \(m\): Too big/);
    expect(html).toMatch(/id="field-title-en"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Kept as typed"');
    expect(html).toContain('value="99"');
    expect(await storedExhibit('dau-ram-jar')).toBe(before);
  });

  it('keeps the form in progress through a language switch, and saves nothing', async () => {
    const before = await storedExhibit('dau-ram-jar');
    const form = {
      ...(await exhibitForm('dau-ram-jar')),
      'title.en': 'Typed before switching',
      switchLanguage: 'vi',
    };
    const response = await post('/vi/staff/museum/exhibits/dau-ram-jar/', form, curatorCookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('value="Typed before switching"');
    expect(html).not.toContain('data-testid="curation-preview"');
    expect(await storedExhibit('dau-ram-jar')).toBe(before);
  });

  it('saves, and the public page shows the edit at once; the CDN is asked to forget the old page', async () => {
    // The public page read first, so the page data cache holds the exhibit as it was.
    expect(await (await get('/en/museum/exhibits/golden-lotus-box/')).text()).not.toContain(
      'Lotus box, edited',
    );
    const key: ItemKey = { PK: 'MUSEUM#CATALOG', SK: 'EXHIBIT#golden-lotus-box' };
    const before = await storedItem(key);

    const form = {
      ...(await exhibitForm('golden-lotus-box')),
      'title.en': 'Lotus box, edited',
      intent: 'save',
    };
    const saved = await post('/en/staff/museum/exhibits/golden-lotus-box/', form, curatorCookie);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/en/staff/museum/exhibits/golden-lotus-box/?saved=1');
    const after = await (
      await get('/en/staff/museum/exhibits/golden-lotus-box/?saved=1', curatorCookie)
    ).text();
    expect(after).toContain('Saved. The public page shows it now.');

    const publicPage = await (await get('/en/museum/exhibits/golden-lotus-box/')).text();
    expect(publicPage).toMatch(/<h1[^>]*>Lotus box, edited<\/h1>/);

    const asked = await invalidationsForChange(key, before, await storedItem(key));
    expect(asked.flatMap((invalidation) => invalidation.paths)).toContain('/en/museum*');
  });
});

describe('adding and deleting an exhibit', () => {
  it('adds one through its form, refuses an id already taken, and deletes only after asking', async () => {
    const form = {
      ...(await exhibitForm('dau-ram-jar')),
      id: 'curator-test-jar',
      'title.en': 'A jar added by a curator',
      intent: 'save',
    };
    const added = await post('/en/staff/museum/exhibits/new/', form, curatorCookie);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/en/staff/museum/exhibits/curator-test-jar/?saved=1');
    expect(await storedExhibit('curator-test-jar')).toBe('A jar added by a curator');

    const again = await post('/en/staff/museum/exhibits/new/', form, curatorCookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('An exhibit with this id exists already');

    const question = await get('/en/staff/museum/exhibits/curator-test-jar/delete/', curatorCookie);
    expect(question.status).toBe(200);
    expect(await question.text()).toContain('Delete “A jar added by a curator” from the museum?');
    expect(await storedExhibit('curator-test-jar')).toBe('A jar added by a curator');

    const deleted = await post('/en/staff/museum/exhibits/curator-test-jar/delete/', {}, curatorCookie);
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/en/staff/museum/?deleted=curator-test-jar');
    expect(await storedExhibit('curator-test-jar')).toBeUndefined();
    expect((await get('/en/museum/exhibits/curator-test-jar/')).status).toBe(404);
  });
});

describe('the visiting information and the tours', () => {
  it('previews and saves the opening hours, adding a row from the blank one', async () => {
    const tools = await services.curation.pageTools();
    const visiting = await services.museum.getVisiting();
    const values = tools.visitingFormValues(visiting);
    const row = visiting.openingHours.length;
    const form = {
      ...values,
      [`openingHours.${row}.days.vi`]: 'Ngày Tết',
      [`openingHours.${row}.days.en`]: 'Tết holiday',
      [`openingHours.${row}.hours.vi`]: '9:00–12:00',
      [`openingHours.${row}.hours.en`]: '9 am–12 noon',
    };
    const preview = await (
      await post('/en/staff/museum/visiting/', { ...form, intent: 'preview' }, curatorCookie)
    ).text();
    expect(preview).toMatch(/data-testid="curation-preview"[\s\S]*Tết holiday: 9 am–12 noon/);
    expect((await services.curation.visiting())?.openingHours).toHaveLength(row);

    const saved = await post('/en/staff/museum/visiting/', { ...form, intent: 'save' }, curatorCookie);
    expect(saved.status).toBe(303);
    expect(await (await get('/en/museum/')).text()).toContain('Tết holiday: 9 am–12 noon');
  });

  it('previews a tour as posted — its new title, the stops in their new order, a narration — and saves nothing', async () => {
    const tools = await services.curation.pageTools();
    const [tour] = await services.museum.listTours();
    if (!tour || tour.stops.length < 2) throw new Error('the seed has tours of two stops or more');
    const first = tour.stops[0] as (typeof tour.stops)[0];
    const previewed = {
      ...tools.tourFormValues(tour),
      'title.en': 'A tour previewed',
      'stops.0.position': String(tour.stops.length + 1),
      'stops.1.narration.en': 'A narration previewed',
      intent: 'preview',
    };
    const response = await post(`/en/staff/museum/tours/${tour.id}/`, previewed, curatorCookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    const preview = /data-testid="curation-preview"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const english = /<div lang="en">([\s\S]*?)<\/div>/.exec(preview)?.[1] ?? '';
    expect(english).toMatch(/<h3[^>]*>A tour previewed<\/h3>/);
    const stops = [...english.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, stop]) => stop as string);
    expect(stops).toHaveLength(tour.stops.length);
    // The first stop moved to the end, so the second leads, with the narration typed for it.
    expect(stops[0]).toContain('A narration previewed');
    expect(stops.at(-1)).toContain(first.narration.en);
    expect(html).toContain('value="A tour previewed"');
    expect((await services.curation.tour(tour.id))?.title.en).toBe(tour.title.en);
  });

  it('saves a tour’s stops in the order of their positions, and names a stop that is no exhibit', async () => {
    const tools = await services.curation.pageTools();
    const [tour] = await services.museum.listTours();
    if (!tour) throw new Error('the seed has tours');
    const form = tools.tourFormValues(tour);
    // The first stop moved to the end.
    const moved = { ...form, 'stops.0.position': String(tour.stops.length + 1), intent: 'save' };
    const saved = await post(`/en/staff/museum/tours/${tour.id}/`, moved, curatorCookie);
    expect(saved.status).toBe(303);
    const stored = await services.curation.tour(tour.id);
    expect(stored?.stops.map((stop) => stop.exhibitId)).toEqual([
      ...tour.stops.slice(1).map((stop) => stop.exhibitId),
      tour.stops[0]?.exhibitId,
    ]);

    const unknown = { ...form, 'stops.1.exhibitId': 'no-such-exhibit', intent: 'save' };
    const refused = await post(`/en/staff/museum/tours/${tour.id}/`, unknown, curatorCookie);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(
      /href="#field-stops-1-exhibitId"[^>]*>\s*Stop 2: Exhibit: There is no exhibit &quot;no-such-exhibit&quot;\./,
    );
  });
});

async function storedItem(key: ItemKey) {
  const { Item } = await platform.dependencies.db.send(
    new GetCommand({ TableName: platform.tableName, Key: key }),
  );
  return Item;
}

/** What the stream's reader asks of the CDN for an item changed from `before` to `after`. */
async function invalidationsForChange(
  key: ItemKey,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): Promise<Invalidation[]> {
  const asked: Invalidation[] = [];
  const image = (item: Record<string, unknown>): Record<string, AttributeValue> =>
    JSON.parse(JSON.stringify(marshall(item, { removeUndefinedValues: true })));
  await invalidateStalePages({
    cdn: {
      invalidate: async (invalidation) => {
        asked.push(invalidation);
        return { id: 'I1' };
      },
    },
    logger: silentLogger,
    sleep: async () => {},
  })({
    Records: [
      {
        eventID: `${key.PK}/${key.SK}`,
        eventName: 'MODIFY',
        dynamodb: {
          ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
          Keys: image({ ...key }),
          ...(before && { OldImage: image(before) }),
          ...(after && { NewImage: image(after) }),
        },
      },
    ],
  });
  return asked;
}
