import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  AuditEntry,
  auditActor,
  auditOrigin,
  auditOriginOf,
  USER_AGENT_MAX_LENGTH,
} from '../../../../functions/platform/audit/entry.js';

const entry = {
  id: '6f1c2b1e-4d1a-4b7e-9a51-0c7d3f1e2a90',
  at: '2026-11-24T01:02:03.456Z',
  actor: {
    subject: 'manager@halong.test',
    email: 'manager@halong.test',
    roles: ['manager'],
    companyId: null,
  },
  action: 'manifest.export',
  resource: { type: 'departure', id: 'dep-20261124-0800-bay-pearl-01' },
  detail: { format: 'csv', rows: 48, withDocuments: true },
  from: { address: '203.0.113.7', userAgent: 'Mozilla/5.0' },
};

/** The `from` an API request with these headers is recorded with. */
async function originOfRequest(headers: Record<string, string>) {
  const app = new Hono().get('/', (context) => context.json(auditOriginOf(context)));
  return (await app.request('/', { headers })).json();
}

describe('an audit entry', () => {
  it('reads back exactly as it was given', () => {
    expect(AuditEntry.parse(entry)).toEqual(entry);
  });

  it('refuses NUL and lone surrogates in any text it keeps', () => {
    const unsafe = [
      { ...entry, resource: { type: 'departure', id: 'dep\u0000' } },
      { ...entry, actor: { ...entry.actor, subject: 'a\uD800' } },
      { ...entry, detail: { note: 'x\uDC00y' } },
      { ...entry, from: { address: null, userAgent: 'agent\u0000' } },
    ];
    for (const candidate of unsafe) expect(AuditEntry.safeParse(candidate).success).toBe(false);
    expect(AuditEntry.safeParse({ ...entry, detail: { note: 'Hạ Long 🚢' } }).success).toBe(true);
  });

  it('takes only dotted actions, bounded details and UTC instants', () => {
    for (const action of ['manifest', 'Manifest.View', 'manifest.', 'manifest view']) {
      expect(AuditEntry.safeParse({ ...entry, action }).success, action).toBe(false);
    }
    const manyDetails = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`d${index}`, index]));
    expect(AuditEntry.safeParse({ ...entry, detail: manyDetails }).success).toBe(false);
    expect(AuditEntry.safeParse({ ...entry, detail: { rows: 5e-324 } }).success).toBe(false);
    expect(AuditEntry.safeParse({ ...entry, at: '2026-11-24T08:02:03+07:00' }).success).toBe(false);
  });
});

describe('who and from where', () => {
  it('records the staff member as their token said, leaving out an e-mail they have not got', () => {
    expect(
      auditActor({ subject: 'op-1', email: null, roles: ['operator'], companyId: 'demo-bay-cruises' }),
    ).toEqual({ subject: 'op-1', roles: ['operator'], companyId: 'demo-bay-cruises' });
  });

  it('takes the viewer address CloudFront wrote and the user agent', async () => {
    expect(await originOfRequest({ 'X-Viewer-Address': '203.0.113.7', 'User-Agent': 'Scanner/1.0' })).toEqual(
      {
        address: '203.0.113.7',
        userAgent: 'Scanner/1.0',
      },
    );
  });

  it('says null where the address or user agent is not known', async () => {
    expect(await originOfRequest({})).toEqual({ address: null, userAgent: null });
  });

  it('cuts a long user agent to a length the entry keeps', () => {
    const long = `Mozilla/5.0 ${'(compatible; x) '.repeat(40)}`;
    const { userAgent } = auditOrigin(new Request('http://x/', { headers: { 'User-Agent': long } }), null);
    expect(userAgent).toHaveLength(USER_AGENT_MAX_LENGTH);
    expect(AuditEntry.safeParse({ ...entry, from: { address: null, userAgent } }).success).toBe(true);
  });
});
