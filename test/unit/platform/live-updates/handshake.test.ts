// What a resolver reads on AWS (the $connect event as a Request) and where a page opens the live updates.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../functions/platform/config.js';
import { liveUpdatesAddress } from '../../../../functions/platform/live-updates/address.js';
import { isHelloMessage } from '../../../../functions/platform/live-updates/port.js';
import { handshakeRequest } from '../../../../functions/platform/live-updates/websocket-handler.js';

const requestContext = {
  routeKey: '$connect',
  connectionId: 'L0SM9cOFvHcCIhw=',
  domainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
  stage: 'live',
};

describe('handshakeRequest', () => {
  it('gives the resolver the address, query and headers of the $connect event', () => {
    const request = handshakeRequest({
      requestContext,
      multiValueHeaders: {
        Cookie: ['halong_session=abc', 'lang=vi'],
        Authorization: ['Bearer id-token'],
      },
      multiValueQueryStringParameters: { booking: ['HL7K3M9Q2A'], token: ['secret'] },
    });
    expect(request.url).toBe(
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com/live?booking=HL7K3M9Q2A&token=secret',
    );
    // Two Cookie lines read as one, as a browser's single line would.
    expect(request.headers.get('cookie')).toBe('halong_session=abc; lang=vi');
    expect(request.headers.get('authorization')).toBe('Bearer id-token');
  });

  it('reads the single-value fields when the multi-value ones are absent', () => {
    const request = handshakeRequest({
      requestContext,
      headers: { Cookie: 'halong_session=abc' },
      queryStringParameters: { booking: 'HL7K3M9Q2A' },
    });
    expect(new URL(request.url).searchParams.get('booking')).toBe('HL7K3M9Q2A');
    expect(request.headers.get('cookie')).toBe('halong_session=abc');
  });
});

describe('isHelloMessage', () => {
  it('recognises only the hello action', () => {
    expect(isHelloMessage('{"action":"hello"}')).toBe(true);
    expect(isHelloMessage('{"action":"subscribe","topic":"tracking"}')).toBe(false);
    expect(isHelloMessage('hello')).toBe(false);
    expect(isHelloMessage('null')).toBe(false);
  });
});

describe('liveUpdatesAddress', () => {
  it('is the site’s own origin locally, ws or wss as the page was served', () => {
    const local = loadConfig({});
    expect(liveUpdatesAddress(local, 'http://localhost:4321', '/api/tracking/live')).toBe(
      'ws://localhost:4321/api/tracking/live',
    );
    expect(liveUpdatesAddress(local, 'https://tourism.halong.example', '/api/tracking/live')).toBe(
      'wss://tourism.halong.example/api/tracking/live',
    );
  });

  it('is LIVE_UPDATES_URL when the deployment sets it', () => {
    const url = 'wss://abc123.execute-api.ap-southeast-1.amazonaws.com/live';
    const config = loadConfig({ LIVE_UPDATES_URL: url });
    expect(liveUpdatesAddress(config, 'https://d111.cloudfront.net', '/api/tracking/live')).toBe(url);
  });

  it('refuses a LIVE_UPDATES_URL that is not a WebSocket address', () => {
    expect(() => loadConfig({ LIVE_UPDATES_URL: 'https://example.com/live' })).toThrow(/LIVE_UPDATES_URL/);
  });
});
