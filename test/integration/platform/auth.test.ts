import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.dispose());

function login(email: string, password: string) {
  return platform.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('local sign-in', () => {
  it('issues an ID token that /api/auth/me accepts, with the role and company of the account', async () => {
    const response = await login(demo.operator.email, demo.operator.password);
    expect(response.status).toBe(200);
    const { idToken, tokenType, expiresIn } = (await response.json()) as {
      idToken: string;
      tokenType: string;
      expiresIn: number;
    };
    expect(tokenType).toBe('Bearer');
    expect(expiresIn).toBe(3600);
    const me = await platform.app.request('/api/auth/me', {
      headers: { Authorization: `Bearer ${idToken}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      subject: 'operator@halong.test',
      email: 'operator@halong.test',
      roles: ['operator'],
      companyId: 'demo-bay-cruises',
    });
  });

  it('gives the same 401 for a wrong password and an unknown e-mail, revealing neither', async () => {
    const wrongPassword = await login(demo.manager.email, 'not-the-password');
    const unknownEmail = await login('nobody@halong.test', demo.manager.password);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [first, second] = [await wrongPassword.json(), await unknownEmail.json()] as {
      type: string;
      title: string;
    }[];
    expect(first?.type).toBe('/problems/invalid-credentials');
    expect(second?.title).toBe(first?.title);
  });

  it('accepts the e-mail address in any letter case', async () => {
    const response = await login(demo.admin.email.toUpperCase(), demo.admin.password);
    expect(response.status).toBe(200);
  });

  it('publishes the signing keys as a JWKS without private parts', async () => {
    const response = await platform.app.request('/api/auth/.well-known/jwks.json');
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { Item } = await platform.dependencies.db.send(
      new GetCommand({
        TableName: platform.tableName,
        Key: { PK: 'ACCOUNT#manager@halong.test', SK: 'ACCOUNT' },
      }),
    );
    expect(String(Item?.passwordHash)).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(Item)).not.toContain(demo.manager.password);
  });
});
