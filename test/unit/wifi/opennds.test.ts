// openNDS FAS against the shared protocol notes' test vector (computed with PHP 8.2) and payloads built
// exactly as the gateway builds them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authmonViewReply,
  encryptFas,
  FasError,
  gatewayAuthUrl,
  gatewayHashFor,
  readAuthmonRequest,
  readFasEncrypted,
  readFasLevel1,
  rhidFor,
} from '../../../functions/wifi/gateways/opennds';

const vector = {
  faskey: 'hl-wifi-demo-faskey-2026',
  token: 'c0ffee42',
  hid: '28d695cc9d8433b1760ed06967e6aadaae2ed7b7ea0ce8ec1a27229f76dd6e57',
  rhid: '2bc20c190e42b0246c9dd8dcceec7757ce3e7199ce1012c1c18bd23870dca8b7',
  iv: 'fa980dbf4533c98f',
  plain:
    'clientip=192.168.8.23, clientmac=aa:bb:cc:dd:ee:01, client_type=cpd_can, gatewayname=HL%2dTuanChau%2dPort%2d01, gatewayurl=http%3a%2f%2fstatus.client%2f, version=10.3.0, hid=28d695cc9d8433b1760ed06967e6aadaae2ed7b7ea0ce8ec1a27229f76dd6e57, gatewayaddress=192.168.8.1:2050, gatewaymac=00:11:22:33:44:55, originurl=http%3a%2f%2fneverssl.com%2f, clientif=br-lan, cpi_query=none, themespec=none, location=tuanchau',
  gatewayhash: '7285bf7a3f2fa9dcbfe6aa6d8eb3d07d66b753d02522c7497072275d99f87269',
  fasStart: 'YTkyUmtXSnRhN1NnSEQ3TkMyL1F6R1d1QTcyUzlC',
  fasEnd: 'ZTc5VkRkRTdTT1lIcHFtND0=',
};
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('openNDS FAS', () => {
  it('computes hid, rhid and gatewayhash as the vector gives them', () => {
    expect(createHash('sha256').update(vector.token).digest('hex')).toBe(vector.hid);
    expect(rhidFor(vector.hid, vector.faskey)).toBe(vector.rhid);
    expect(gatewayHashFor('HL%2dTuanChau%2dPort%2d01')).toBe(vector.gatewayhash);
  });

  it('encrypts the vector as PHP’s openssl_encrypt and the gateway do, and reads it back', () => {
    const fas = encryptFas(vector.plain, vector.iv, vector.faskey);
    expect(fas.startsWith(vector.fasStart)).toBe(true);
    // The vector's last characters encode the same end of openssl_encrypt's base64 text.
    const inner = Buffer.from(fas, 'base64').toString('latin1');
    expect(inner.endsWith(Buffer.from(vector.fasEnd, 'base64').toString('latin1'))).toBe(true);
    const read = readFasEncrypted(fas, vector.iv, vector.faskey);
    expect(read).toMatchObject({
      clientip: '192.168.8.23',
      clientmac: 'aa:bb:cc:dd:ee:01',
      hid: vector.hid,
      gatewayname: 'HL-TuanChau-Port-01',
      gatewaynameRaw: 'HL%2dTuanChau%2dPort%2d01',
      gatewayaddress: '192.168.8.1:2050',
      originurl: 'http://neverssl.com/',
      gatewayurl: 'http://status.client/',
      custom: { location: 'tuanchau' },
    });
  });

  it('reads level 1, where a + of the base64 may arrive as a space', () => {
    // A plain text whose base64 has a + in it.
    const plain = `${vector.plain}, note=>>>`;
    const fas = base64(plain);
    expect(fas).toContain('+');
    expect(readFasLevel1(fas.replace(/\+/g, ' ')).custom).toMatchObject({
      location: 'tuanchau',
      note: '>>>',
    });
  });

  it('refuses a payload under another faskey, a forged one and a malformed one', () => {
    const fas = encryptFas(vector.plain, vector.iv, 'another-hotspots-faskey');
    expect(() => readFasEncrypted(fas, vector.iv, vector.faskey)).toThrow(FasError);
    expect(() => readFasLevel1('not base64 !')).toThrow(FasError);
    expect(() => readFasLevel1(base64('clientip=1.2.3.4, hid=short'))).toThrow(FasError);
    expect(() => readFasEncrypted(fas, 'short', vector.faskey)).toThrow(FasError);
  });

  it('sends the browser back to the gateway with the token and where to go', () => {
    const url = new URL(
      gatewayAuthUrl('192.168.8.1:2050', vector.rhid, 'https://halong.example/vi/wifi/welcome/'),
    );
    expect(url.origin).toBe('http://192.168.8.1:2050');
    expect(url.pathname).toBe('/opennds_auth/');
    expect(url.searchParams.get('tok')).toBe(vector.rhid);
    expect(url.searchParams.get('redir')).toBe('https://halong.example/vi/wifi/welcome/');
    expect(() => gatewayAuthUrl('evil.example/x?', vector.rhid, 'https://a/')).toThrow(FasError);
  });

  it('answers authmon: clear, view with waiting clients, acknowledgement, and a session’s end', () => {
    const form = (auth_get: string, payload: string) => ({
      auth_get,
      gatewayhash: vector.gatewayhash,
      payload: base64(payload),
    });
    expect(readAuthmonRequest(form('clear', 'none'))).toEqual({
      kind: 'clear',
      gatewayhash: vector.gatewayhash,
    });
    expect(readAuthmonRequest(form('view', 'none')).kind).toBe('view');
    expect(readAuthmonRequest(form('view', `* ${vector.rhid}`))).toEqual({
      kind: 'acknowledge',
      gatewayhash: vector.gatewayhash,
      rhids: [vector.rhid],
    });
    expect(authmonViewReply([])).toBe('*');
    const reply = authmonViewReply([
      {
        rhid: vector.rhid,
        sessionMinutes: 120,
        uploadKbps: 1024,
        downloadKbps: 4096,
        uploadQuotaKB: 0,
        downloadQuotaKB: 0,
      },
    ]);
    expect(reply).toBe(`* ${encodeURIComponent(`${vector.rhid} 120 1024 4096 0 0 ${base64('none')}`)}`);
    const ended =
      'method=timeout, clientmac=AA:BB:CC:DD:EE:01, timestamp=1764000000, bytes_incoming=1048576, bytes_outgoing=204800, session_start=1763996400, session_end=1764000000, token=c0ffee42, custom=none';
    // authmon sometimes wraps the report in base64 twice.
    for (const payload of [base64(ended), base64(base64(ended))]) {
      const request = readAuthmonRequest({ auth_get: 'deauthed', gatewayhash: vector.gatewayhash, payload });
      expect(request).toMatchObject({
        kind: 'deauthed',
        session: {
          clientmac: 'aa:bb:cc:dd:ee:01',
          bytesIncoming: 1048576,
          sessionEnd: 1764000000,
          method: 'timeout',
        },
      });
    }
    expect(() => readAuthmonRequest({ auth_get: 'view', gatewayhash: 'nope' })).toThrow(FasError);
    expect(() => readAuthmonRequest({ auth_get: 'rm -rf', gatewayhash: vector.gatewayhash })).toThrow(
      FasError,
    );
  });
});
