import { describe, expect, it } from 'vitest';
import { ConfigurationError, LOCAL_TOKEN_ISSUER, loadConfig } from '../../../functions/platform/config.js';

describe('loadConfig', () => {
  it('gives a laptop working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      tableName: 'halong-tourism',
      region: 'ap-southeast-1',
      dynamoEndpoint: undefined,
      maxBodyBytes: 65536,
      auth: { mode: 'local', issuer: LOCAL_TOKEN_ISSUER },
    });
  });

  it('derives the Cognito issuer and JWKS address from the user pool', () => {
    const config = loadConfig({
      AUTH_MODE: 'cognito',
      AWS_REGION: 'ap-southeast-1',
      COGNITO_USER_POOL_ID: 'ap-southeast-1_AbC123',
      COGNITO_CLIENT_ID: 'client-1',
    });
    expect(config.auth).toEqual({
      mode: 'cognito',
      issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbC123',
      audience: 'client-1',
      jwksUrl: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbC123/.well-known/jwks.json',
    });
  });

  it('names every invalid variable in one error', () => {
    const attempt = () => loadConfig({ MAX_BODY_BYTES: 'lots', DYNAMODB_ENDPOINT: 'nowhere' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/DYNAMODB_ENDPOINT.*MAX_BODY_BYTES|MAX_BODY_BYTES.*DYNAMODB_ENDPOINT/);
  });

  it('reads the hosts a forwarded Host may name, none by default, and refuses what is not a host name', () => {
    expect(loadConfig({}).allowedHosts).toEqual([]);
    expect(
      loadConfig({ ALLOWED_HOSTS: ' D111.cloudfront.net, tourism.halong.gov.vn:8443 ' }).allowedHosts,
    ).toEqual(['d111.cloudfront.net', 'tourism.halong.gov.vn:8443']);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'evil.example/phish' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('refuses Cognito mode without a user pool and client', () => {
    expect(() => loadConfig({ AUTH_MODE: 'cognito' })).toThrow(/COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID/);
  });
});
