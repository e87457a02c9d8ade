// The audit log on DynamoDB Local: entries appended and never written over, a day read newest first in pages and
// filtered, what a damaged item does to a page, and GET /api/audit for the port authority only.
import { readFile } from 'node:fs/promises';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS_SEED } from '../../../functions/local/bootstrap.js';
import {
  AuditEntryExistsError,
  type AuditLog,
  type AuditRecord,
  createAuditLog,
} from '../../../functions/platform/audit/log.js';
import { DemoAccountsFile } from '../../../functions/platform/auth/accounts.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
const tokens: Record<'manager' | 'operator' | 'admin', string> = { manager: '', operator: '', admin: '' };

beforeAll(async () => {
  // Only the staff accounts are needed, not the demo bay: the log's partitions are its own.
  platform = await createTestPlatform({ seed: false });
  const seed = DemoAccountsFile.parse(JSON.parse(await readFile(DEMO_ACCOUNTS_SEED, 'utf8')));
  const accounts = platform.dependencies.localAuth?.accounts;
  await Promise.all(seed.accounts.map((account) => accounts?.createIfAbsent(account)));
  for (const role of ['manager', 'operator', 'admin'] as const) {
    tokens[role] = await platform.signIn(demo[role].email, demo[role].password);
  }
});
afterAll(() => platform.dispose());

/** A log whose clock the test sets, and whose ids count up (valid UUIDs). */
function logAt(start: string, options: { logger?: (message: string, fields?: object) => void } = {}) {
  let now = Date.parse(start);
  let sequence = 0;
  const log = createAuditLog(platform.dependencies.db, platform.tableName, () => new Date(now), {
    newId: () => {
      sequence += 1;
      return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
    },
    ...(options.logger && {
      logger: { debug() {}, info() {}, warn() {}, error: options.logger },
    }),
  });
  return {
    log,
    /** Moves the clock on by `seconds`. */
    wait(seconds: number) {
      now += seconds * 1000;
    },
  };
}

const manifestView = (departureId: string, action = 'manifest.view'): AuditRecord => ({
  actor: {
    subject: 'manager@halong.test',
    email: 'manager@halong.test',
    roles: ['manager'],
    companyId: null,
  },
  action,
  resource: { type: 'departure', id: departureId },
  ...(action === 'manifest.export' && { detail: { format: 'csv', rows: 48 } }),
  from: { address: '203.0.113.7', userAgent: 'Mozilla/5.0' },
});

/** Every entry of a day, page by page, and how many pages that took. */
async function readWholeDay(log: AuditLog, query: Parameters<AuditLog['list']>[0]) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await log.list({ ...query, cursor });
    ids.push(...page.entries.map((entry) => entry.resource.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

const get = (path: string, token?: string) =>
  platform.app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('the audit log', () => {
  it('keeps an entry as given, stamped with its id and time, in its day’s partition and with no expiry', async () => {
    const { log } = logAt('2026-11-20T23:59:59.999Z');
    const entry = await log.record(manifestView('dep-20261121-0800-bay-pearl-01', 'manifest.export'));
    expect(entry).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      at: '2026-11-20T23:59:59.999Z',
      ...manifestView('dep-20261121-0800-bay-pearl-01', 'manifest.export'),
    });
    const { Item } = await platform.dependencies.db.send(
      new GetCommand({
        TableName: platform.tableName,
        Key: { PK: 'AUDIT#2026-11-20', SK: `2026-11-20T23:59:59.999Z#${entry.id}` },
      }),
    );
    expect(Item).toMatchObject({ entity: 'AuditEntry', detail: { format: 'csv', rows: 48 } });
    expect(Item).not.toHaveProperty('expiresAt');
    expect((await log.list({ date: '2026-11-20' })).entries).toEqual([entry]);
  });

  it('never writes over an entry: the same id at the same instant is refused and the first one kept', async () => {
    const first = logAt('2026-11-19T08:00:00.000Z');
    const again = logAt('2026-11-19T08:00:00.000Z');
    const kept = await first.log.record(manifestView('dep-first'));
    await expect(again.log.record(manifestView('dep-second'))).rejects.toBeInstanceOf(AuditEntryExistsError);
    expect((await first.log.list({ date: '2026-11-19' })).entries).toEqual([kept]);
  });

  it('refuses an entry its schema refuses, and writes nothing', async () => {
    const { log } = logAt('2026-11-18T08:00:00.000Z');
    await expect(log.record(manifestView('dep-\u0000'))).rejects.toThrow();
    await expect(log.record({ ...manifestView('dep-1'), action: 'viewed' })).rejects.toThrow();
    expect((await log.list({ date: '2026-11-18' })).entries).toEqual([]);
  });

  it('lists a day newest first, page by page, each entry once, and nothing of the days around it', async () => {
    const { log, wait } = logAt('2026-11-23T23:59:58.000Z');
    await log.record(manifestView('day-before'));
    wait(2);
    for (let index = 1; index <= 7; index += 1) {
      await log.record(manifestView(`dep-${index}`));
      wait(60);
    }
    wait(86_400);
    await log.record(manifestView('day-after'));

    const expected = ['dep-7', 'dep-6', 'dep-5', 'dep-4', 'dep-3', 'dep-2', 'dep-1'];
    expect(await readWholeDay(log, { date: '2026-11-24', limit: 3 })).toEqual({ ids: expected, pages: 3 });
    expect(await readWholeDay(log, { date: '2026-11-24', limit: 7 })).toEqual({ ids: expected, pages: 1 });
    expect(await readWholeDay(log, { date: '2026-11-24' })).toEqual({ ids: expected, pages: 1 });
  });

  it('filters a day by action and by resource, and pages through what matches', async () => {
    const { log, wait } = logAt('2026-11-29T01:00:00.000Z');
    for (const [id, action] of [
      ['dep-a', 'manifest.view'],
      ['dep-a', 'manifest.export'],
      ['dep-b', 'manifest.view'],
      ['dep-b', 'manifest.export'],
      ['dep-a', 'manifest.view'],
      ['dep-c', 'manifest.view'],
    ] as const) {
      await log.record(manifestView(id, action));
      wait(1);
    }
    const actionsOf = async (query: Parameters<AuditLog['list']>[0]) =>
      (await log.list(query)).entries.map((entry) => `${entry.resource.id} ${entry.action}`);

    expect(await actionsOf({ date: '2026-11-29', action: 'manifest.export' })).toEqual([
      'dep-b manifest.export',
      'dep-a manifest.export',
    ]);
    expect(await actionsOf({ date: '2026-11-29', resourceId: 'dep-a' })).toEqual([
      'dep-a manifest.view',
      'dep-a manifest.export',
      'dep-a manifest.view',
    ]);
    expect(await actionsOf({ date: '2026-11-29', resourceId: 'dep-a', action: 'manifest.view' })).toEqual([
      'dep-a manifest.view',
      'dep-a manifest.view',
    ]);
    expect(await readWholeDay(log, { date: '2026-11-29', action: 'manifest.view', limit: 1 })).toEqual({
      ids: ['dep-c', 'dep-a', 'dep-b', 'dep-a'],
      pages: 4,
    });
  });

  it('leaves a damaged item out of its page, and says so in the log', async () => {
    const errors: unknown[] = [];
    const { log, wait } = logAt('2026-11-26T09:00:00.000Z', { logger: (message) => errors.push(message) });
    await log.record(manifestView('dep-before'));
    wait(1);
    await platform.dependencies.db.send(
      new PutCommand({
        TableName: platform.tableName,
        Item: { PK: 'AUDIT#2026-11-26', SK: '2026-11-26T09:00:00.500Z#damaged', entity: 'AuditEntry' },
      }),
    );
    await log.record(manifestView('dep-after'));
    const page = await log.list({ date: '2026-11-26' });
    expect(page.entries.map((entry) => entry.resource.id)).toEqual(['dep-after', 'dep-before']);
    expect(errors).toEqual(['damaged stored item left out']);
  });
});

describe('GET /api/audit', () => {
  beforeAll(async () => {
    const { log, wait } = logAt('2026-11-27T10:00:00.000Z');
    await log.record(manifestView('dep-route-1'));
    wait(1);
    await log.record({ ...manifestView('dep-route-2'), actor: { ...manifestView('x').actor, subject: 'b' } });
  });

  it('asks who is calling (401), refuses an operator (403), and lets a manager and an admin read', async () => {
    const anonymous = await get('/api/audit?date=2026-11-27');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe(PROBLEM_JSON);
    const operator = await get('/api/audit?date=2026-11-27', tokens.operator);
    expect(operator.status).toBe(403);
    expect(await operator.json()).toMatchObject({ type: '/problems/forbidden' });

    for (const token of [tokens.manager, tokens.admin]) {
      const response = await get('/api/audit?date=2026-11-27', token);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const body = (await response.json()) as { date: string; entries: { id: string }[]; nextCursor: null };
      expect(body.date).toBe('2026-11-27');
      expect(body.entries).toHaveLength(2);
      expect(body.nextCursor).toBeNull();
    }
  });

  it('pages with the cursor it gives, and filters by resource', async () => {
    const first = await (await get('/api/audit?date=2026-11-27&limit=1', tokens.manager)).json();
    expect(first).toMatchObject({ entries: [{ resource: { id: 'dep-route-2' } }] });
    const cursor = (first as { nextCursor: string }).nextCursor;
    const second = await get(`/api/audit?date=2026-11-27&limit=1&cursor=${cursor}`, tokens.manager);
    expect(await second.json()).toMatchObject({
      entries: [{ resource: { id: 'dep-route-1' } }],
      nextCursor: null,
    });
    const filtered = await get('/api/audit?date=2026-11-27&resource=dep-route-2', tokens.manager);
    expect(await filtered.json()).toMatchObject({ entries: [{ actor: { subject: 'b' } }], nextCursor: null });
  });

  it('answers a forged cursor, or one of another day, with 400 naming the cursor', async () => {
    const first = (await (await get('/api/audit?date=2026-11-27&limit=1', tokens.manager)).json()) as {
      nextCursor: string;
    };
    const forged = Buffer.from(JSON.stringify({ PK: 'BOOKING#HL12345678', SK: 'BOOKING' })).toString(
      'base64url',
    );
    for (const path of [
      `/api/audit?date=2026-11-27&cursor=${forged}`,
      '/api/audit?date=2026-11-27&cursor=not-a-cursor',
      `/api/audit?date=2026-11-28&cursor=${first.nextCursor}`,
    ]) {
      const response = await get(path, tokens.manager);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(await response.json()).toMatchObject({
        type: '/problems/validation-error',
        errors: [{ location: 'query', path: 'cursor' }],
      });
    }
  });

  it('answers a date that is not a day with 400', async () => {
    const response = await get('/api/audit?date=2026-02-30', tokens.manager);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ location: 'query', path: 'date' }] });
  });

  it('reads today (UTC) when no date is given', async () => {
    const log = createAuditLog(platform.dependencies.db, platform.tableName);
    const entry = await log.record(manifestView('dep-today'));
    const response = await get('/api/audit?resource=dep-today', tokens.manager);
    expect(await response.json()).toEqual({
      date: entry.at.slice(0, 10),
      entries: [entry],
      nextCursor: null,
    });
  });
});
