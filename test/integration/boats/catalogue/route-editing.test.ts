import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let managerToken: string;
let operatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
  operatorToken = await platform.signIn(demo.operator.email, demo.operator.password);
});
afterAll(() => platform.dispose());

async function currentRoute(id: number) {
  const response = await platform.app.request(`/api/boats/routes/${id}`);
  return (await response.json()) as Record<string, unknown> & {
    sightseeingFee: { amountVnd: number | null };
  };
}

async function editableCopy(id: number) {
  const { id: _id, updatedAt: _updatedAt, discounts: _discounts, ...details } = await currentRoute(id);
  return details as Record<string, unknown> & { sightseeingFee: { amountVnd: number | null } };
}

function put(id: number | string, body: string, headers: Record<string, string> = {}) {
  return platform.app.request(`/api/boats/routes/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

describe('PUT /api/boats/routes/{id}', () => {
  it('lets a tourism manager publish the fee of route 3, and everyone then sees it', async () => {
    const details = await editableCopy(3);
    details.sightseeingFee = { ...details.sightseeingFee, amountVnd: 290000 };
    const response = await put(3, JSON.stringify(details), { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(200);
    expect((await currentRoute(3)).sightseeingFee.amountVnd).toBe(290000);
  });

  it('asks for sign-in (401 with a Bearer challenge) when no token is sent', async () => {
    const response = await put(1, JSON.stringify(await editableCopy(1)));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
  });

  it('refuses a forged or malformed token with 401 invalid-token', async () => {
    const [header, payload] = managerToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-a-jwt', `Basic ${managerToken}`]) {
      const response = await put(1, JSON.stringify(await editableCopy(1)), { Authorization: authorization });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { type: string }).type).toBe('/problems/invalid-token');
    }
  });

  it('forbids (403) a boat operator from changing official fees, leaving the route as it was', async () => {
    const details = await editableCopy(1);
    details.sightseeingFee = { ...details.sightseeingFee, amountVnd: 1 };
    const response = await put(1, JSON.stringify(details), { Authorization: `Bearer ${operatorToken}` });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/forbidden');
    expect((await currentRoute(1)).sightseeingFee.amountVnd).toBe(290000);
  });

  it('lists every failing field of an invalid route and changes nothing', async () => {
    const details = await editableCopy(1);
    const invalid = { ...details, stops: [], sightseeingFee: { ...details.sightseeingFee, amountVnd: -5 } };
    const response = await put(1, JSON.stringify(invalid), { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { location: string; path: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['sightseeingFee.amountVnd', 'stops']);
    expect(problem.errors.every((error) => error.location === 'body')).toBe(true);
    expect((await currentRoute(1)).sightseeingFee.amountVnd).toBe(290000);
  });

  it('refuses a departure port the catalogue does not know', async () => {
    const details = { ...(await editableCopy(2)), departurePortId: 'atlantis' };
    const response = await put(2, JSON.stringify(details), { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path: 'departurePortId' }] });
    expect((await currentRoute(2)).departurePortId).toBe('tuan-chau');
  });

  it('answers 404 for a route number that does not exist rather than creating it', async () => {
    const response = await put(42, JSON.stringify(await editableCopy(1)), {
      Authorization: `Bearer ${managerToken}`,
    });
    expect(response.status).toBe(404);
    expect((await platform.app.request('/api/boats/routes/42')).status).toBe(404);
  });

  it('answers 400 malformed-body for broken JSON', async () => {
    const response = await put(1, '{"name": ', { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/malformed-body');
  });

  it('answers 415 when the body is not JSON', async () => {
    const response = await put(1, 'name=x', {
      Authorization: `Bearer ${managerToken}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/unsupported-media-type');
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(platform.dependencies.config.maxBodyBytes) });
    const response = await put(1, huge, { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/payload-too-large');
  });
});

describe('a fee whose total is not the sum of its components', () => {
  type Fee = { amountVnd: number | null; components: { kind: string; amountVnd: number }[] };
  const withFee = async (change: (fee: Fee) => Fee) => {
    const details = (await editableCopy(1)) as Record<string, unknown> & { sightseeingFee: Fee };
    return { ...details, sightseeingFee: change(details.sightseeingFee) };
  };

  it('is refused (422) naming the total and its components, and the route stays as it was', async () => {
    const bodies = [
      await withFee((fee) => ({ ...fee, amountVnd: 300000 })),
      await withFee((fee) => ({ ...fee, amountVnd: null })),
      await withFee((fee) => ({ ...fee, components: [{ kind: 'sightseeing', amountVnd: 250000 }] })),
    ];
    for (const body of bodies) {
      const response = await put(1, JSON.stringify(body), { Authorization: `Bearer ${managerToken}` });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
      const problem = (await response.json()) as {
        type: string;
        errors: { location: string; path: string }[];
      };
      expect(problem.type).toBe('/problems/validation-error');
      expect(problem.errors.map((error) => error.path).sort()).toEqual([
        'sightseeingFee.amountVnd',
        'sightseeingFee.components',
      ]);
    }
    expect((await currentRoute(1)).sightseeingFee.amountVnd).toBe(290000);
  });

  it('is accepted when the components add up to the total', async () => {
    const body = await withFee((fee) => ({
      ...fee,
      amountVnd: 300000,
      components: [
        { kind: 'sightseeing', amountVnd: 260000 },
        { kind: 'port', amountVnd: 40000 },
      ],
    }));
    const response = await put(1, JSON.stringify(body), { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(200);
    expect((await currentRoute(1)).sightseeingFee.amountVnd).toBe(300000);
  });

  it('lists only what is wrong on its own (400) when a component is also invalid', async () => {
    const body = await withFee((fee) => ({
      ...fee,
      components: [{ kind: 'sightseeing', amountVnd: -1 }],
    }));
    const response = await put(1, JSON.stringify(body), { Authorization: `Bearer ${managerToken}` });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path)).toEqual(['sightseeingFee.components.0.amountVnd']);
  });
});

describe('a route item damaged in the table', () => {
  it('is left out of the list (the others still read) and a manager can replace it', async () => {
    const details = await editableCopy(4);
    await platform.dependencies.db.send(
      new PutCommand({
        TableName: platform.tableName,
        Item: {
          PK: 'BOATS#CATALOG',
          SK: 'ROUTE#004',
          entity: 'Route',
          id: 4,
          name: details.name,
          sightseeingFee: { amountVnd: 1, components: [{ kind: 'port', amountVnd: 2 }] },
        },
      }),
    );
    const list = await platform.app.request('/api/boats/routes');
    expect(list.status).toBe(200);
    const { routes } = (await list.json()) as { routes: { id: number }[] };
    expect(routes.map((route) => route.id)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect((await platform.app.request('/api/boats/routes/4')).status).toBe(404);

    const replaced = await put(4, JSON.stringify(details), { Authorization: `Bearer ${managerToken}` });
    expect(replaced.status).toBe(200);
    expect((await platform.app.request('/api/boats/routes/4')).status).toBe(200);
  });
});
