import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exhibit } from '../../../functions/museum/model.js';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let curatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  curatorToken = await platform.signIn('curator@halong.test', 'Curator-HaLong-2026');
});
afterAll(() => platform.dispose());

const asCurator = (token = curatorToken) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`,
});
const read = async <T>(path: string) => (await (await platform.app.request(path)).json()) as T;

describe('reading the museum', () => {
  it('lists the rooms by floor in visiting order, starting in the lobby', async () => {
    const { rooms } = await read<{ rooms: { id: string; floor: number; order: number }[] }>(
      '/api/museum/rooms',
    );
    expect(rooms[0]).toMatchObject({ id: 'lobby', floor: 0 });
    expect(rooms.map((room) => room.order)).toEqual(
      [...rooms.map((room) => room.order)].sort((a, b) => a - b),
    );
    expect(new Set(rooms.map((room) => room.floor))).toEqual(new Set([0, 1, 2, 3, -1]));
  });

  it('lists at least 40 exhibits, one room’s on request, and gives one with both languages', async () => {
    const { exhibits } = await read<{ exhibits: Exhibit[] }>('/api/museum/exhibits');
    expect(exhibits.length).toBeGreaterThanOrEqual(40);
    const lobby = await read<{ exhibits: Exhibit[] }>('/api/museum/exhibits?room=lobby');
    expect(lobby.exhibits.every((exhibit) => exhibit.roomId === 'lobby')).toBe(true);
    const whale = await read<Exhibit>('/api/museum/exhibits/whale-skeleton');
    expect(whale.title.vi).toMatch(/cá voi/i);
    expect(whale.description.en.length).toBeGreaterThanOrEqual(2);
    expect(whale.model.kind).toBe('whale-skeleton');
    const missing = await platform.app.request('/api/museum/exhibits/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
  });

  it('searches without diacritics', async () => {
    const found = await read<{ results: { id: string }[] }>('/api/museum/search?q=dau%20ram');
    expect(found.results[0]?.id).toBe('dau-ram-jar');
    expect((await platform.app.request('/api/museum/search?q=')).status).toBe(400);
  });

  it('gives the tours and the visiting information', async () => {
    const { tours } = await read<{ tours: { id: string; stops: unknown[] }[] }>('/api/museum/tours');
    expect(tours.map((tour) => tour.id)).toEqual(
      expect.arrayContaining(['highlights-20-minutes', 'ha-long-nature']),
    );
    const visiting = await read<{ tickets: { priceVnd: number }[] }>('/api/museum/visiting');
    expect(visiting.tickets.length).toBeGreaterThan(0);
  });
});

describe('curating', () => {
  it('lets a curator change an exhibit, and the change is what visitors read next', async () => {
    const jar = await read<Exhibit>('/api/museum/exhibits/dau-ram-jar');
    const { id, ...fields } = jar;
    const edited = { ...fields, title: { ...fields.title, en: 'The Đầu Rằm jar (national treasure)' } };
    const response = await platform.app.request(`/api/museum/exhibits/${id}`, {
      method: 'PUT',
      headers: asCurator(),
      body: JSON.stringify(edited),
    });
    expect(response.status).toBe(200);
    expect((await read<Exhibit>('/api/museum/exhibits/dau-ram-jar')).title.en).toBe(
      'The Đầu Rằm jar (national treasure)',
    );
  });

  it('refuses an exhibit in a room that does not exist, one without its demo note, and a duplicate id', async () => {
    const whale = await read<Exhibit>('/api/museum/exhibits/whale-skeleton');
    const post = (body: object) =>
      platform.app.request('/api/museum/exhibits', {
        method: 'POST',
        headers: asCurator(),
        body: JSON.stringify(body),
      });
    const wrongRoom = await post({ ...whale, id: 'new-exhibit', roomId: 'basement' });
    expect(wrongRoom.status).toBe(400);
    expect(((await wrongRoom.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('roomId');
    const noNote = await post({ ...whale, id: 'new-exhibit', demo: true, demoNote: undefined });
    expect(noNote.status).toBe(400);
    const duplicate = await post(whale);
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as { type: string }).type).toBe('/problems/exhibit-exists');
    const created = await post({ ...whale, id: 'whale-vertebra', highlight: false });
    expect(created.status).toBe(201);
  });

  it('refuses a tour stopping at an exhibit that does not exist, and non-curators altogether', async () => {
    const tour = { title: { vi: 'Thử', en: 'Test' }, summary: { vi: 'Thử', en: 'Test' }, minutes: 10 };
    const stops = [
      { exhibitId: 'whale-skeleton', narration: { vi: 'Một', en: 'One' } },
      { exhibitId: 'no-such-exhibit', narration: { vi: 'Hai', en: 'Two' } },
    ];
    const refused = await platform.app.request('/api/museum/tours/test-tour', {
      method: 'PUT',
      headers: asCurator(),
      body: JSON.stringify({ ...tour, stops }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
      'stops.1.exhibitId',
    );
    const operator = await platform.signIn('operator@halong.test', 'Operator-HaLong-2026');
    const forbidden = await platform.app.request('/api/museum/visiting', {
      method: 'PUT',
      headers: asCurator(operator),
      body: JSON.stringify(await read('/api/museum/visiting')),
    });
    expect(forbidden.status).toBe(403);
  });
});
