// The pier scanner's offline half: codes verified with a real ES256 key, and the queue kept in storage, sent in
// order, its refusals kept as conflicts.
import { CompactSign, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createScannerQueue,
  type KeyValueStorage,
  keepTicketKeys,
  keptTicketKeys,
  type QueuedCheckIn,
  verifyOffline,
} from '../../../web/src/lib/scanner-queue';
import type { ScanAnswer } from '../../../web/src/lib/scanner-verdict';

const DEPARTURE = 'dep-20261207-1400-bay-pearl-01';

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

let keys: JSONWebKeySet;
let sign: (claims: object) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  keys = { keys: [{ ...(await exportJWK(publicKey)), kid: 'ticket-1', alg: 'ES256', use: 'sig' }] };
  sign = (claims) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'ES256', kid: 'ticket-1' })
      .sign(privateKey);
});

const ticket = (overrides: object = {}) => ({
  typ: 'halong-boat-ticket',
  v: 1,
  bid: 'HL7K2QX9MD',
  dep: DEPARTURE,
  at: '2026-12-07T07:00:00.000Z',
  n: 2,
  iat: 1796600000,
  ...overrides,
});

describe('verifying a ticket code offline', () => {
  it('accepts a genuine ticket for this departure, with its reference and seats', async () => {
    expect(await verifyOffline(await sign(ticket()), DEPARTURE, keys)).toEqual({
      kind: 'accepted',
      reference: 'HL7K2QX9MD',
      seats: 2,
    });
  });

  it('refuses a code whose claims were altered after signing', async () => {
    const [header, , signature] = (await sign(ticket())).split('.');
    const altered = Buffer.from(JSON.stringify(ticket({ n: 9 }))).toString('base64url');
    expect(await verifyOffline(`${header}.${altered}.${signature}`, DEPARTURE, keys)).toEqual({
      kind: 'forged',
    });
  });

  it('refuses a code signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new CompactSign(new TextEncoder().encode(JSON.stringify(ticket())))
      .setProtectedHeader({ alg: 'ES256', kid: 'ticket-1' })
      .sign(privateKey);
    expect((await verifyOffline(foreign, DEPARTURE, keys)).kind).toBe('forged');
  });

  it('refuses a genuine ticket for another departure, naming it', async () => {
    const other = 'dep-20261207-1600-bay-pearl-01';
    expect(await verifyOffline(await sign(ticket({ dep: other })), DEPARTURE, keys)).toEqual({
      kind: 'wrong-departure',
      ticketDepartureId: other,
    });
  });

  it('leaves a typed booking reference unverified, written as the service reads it', async () => {
    expect(await verifyOffline(' hl7k-2qx9md ', DEPARTURE, keys)).toEqual({
      kind: 'unverified',
      reference: 'HL7K2QX9MD',
    });
  });

  it('leaves a signed code unverified while no keys are kept, naming the reference it claims', async () => {
    expect(await verifyOffline(await sign(ticket()), DEPARTURE, null)).toEqual({
      kind: 'unverified',
      reference: 'HL7K2QX9MD',
    });
  });

  it('keeps the ticket keys in storage and reads them back', () => {
    const storage = memoryStorage();
    expect(keptTicketKeys(storage)).toBeNull();
    keepTicketKeys(storage, keys);
    expect(keptTicketKeys(storage)).toEqual(keys);
    storage.setItem('halong.scanner.ticket-keys', '{not json');
    expect(keptTicketKeys(storage)).toBeNull();
  });
});

const boarded = (bookingId: string, aboard: number): ScanAnswer => ({
  outcome: 'boarded',
  result: {
    booking: { id: bookingId, status: 'redeemed', channel: 'online', passengers: [] },
    boarded: 1,
    departure: { id: DEPARTURE, capacity: 48, aboard, booked: 10 },
  },
});

const refused = (problem: string): ScanAnswer => ({
  outcome: 'refused',
  problem,
  message: `refused: ${problem}`,
  details: {},
});

describe('the offline queue', () => {
  it('keeps queued check-ins across a reload (a new queue over the same storage)', () => {
    const storage = memoryStorage();
    createScannerQueue(storage, DEPARTURE).add({ code: 'HLAAAAAA', reference: 'HLAAAAAA', verified: false });
    const reloaded = createScannerQueue(storage, DEPARTURE);
    expect(reloaded.pending().map((queued) => queued.reference)).toEqual(['HLAAAAAA']);
    expect(createScannerQueue(storage, 'dep-other').pending()).toEqual([]);
  });

  it('sends in the order queued and empties the queue', async () => {
    const storage = memoryStorage();
    const queue = createScannerQueue(storage, DEPARTURE);
    for (const reference of ['HLFIRST1', 'HLSECOND', 'HLTHIRD3']) {
      queue.add({ code: reference, reference, verified: false });
    }
    const sent: string[] = [];
    const report = await queue.flush(async (queued) => {
      sent.push(queued.code);
      return boarded(queued.reference, sent.length);
    });
    expect(sent).toEqual(['HLFIRST1', 'HLSECOND', 'HLTHIRD3']);
    expect(
      report.boarded.map((answer) => answer.outcome === 'boarded' && answer.result.departure.aboard),
    ).toEqual([1, 2, 3]);
    expect(report.interrupted).toBe(false);
    expect(createScannerQueue(storage, DEPARTURE).pending()).toEqual([]);
  });

  it('collects the refusals as conflicts, kept in storage, and goes on with the rest', async () => {
    const storage = memoryStorage();
    const queue = createScannerQueue(storage, DEPARTURE);
    queue.add({ code: 'HLTWICE1', reference: 'HLTWICE1', verified: false });
    queue.add({ code: 'HLGOOD12', reference: 'HLGOOD12', verified: false });
    queue.add({ code: 'HLFULL12', reference: 'HLFULL12', verified: true });
    const answers: Record<string, ScanAnswer> = {
      HLTWICE1: refused('already-checked-in'),
      HLGOOD12: boarded('HLGOOD12', 5),
      HLFULL12: refused('boat-full'),
    };
    const report = await queue.flush(async (queued) => answers[queued.code] as ScanAnswer);
    expect(report.conflicts.map((conflict) => [conflict.reference, conflict.problem])).toEqual([
      ['HLTWICE1', 'already-checked-in'],
      ['HLFULL12', 'boat-full'],
    ]);
    expect(report.boarded).toHaveLength(1);
    const reloaded = createScannerQueue(storage, DEPARTURE);
    expect(reloaded.conflicts().map((conflict) => conflict.message)).toEqual([
      'refused: already-checked-in',
      'refused: boat-full',
    ]);
    expect(reloaded.pending()).toEqual([]);
    reloaded.clearConflicts();
    expect(createScannerQueue(storage, DEPARTURE).conflicts()).toEqual([]);
  });

  it('stops at a network failure and keeps the unsent check-ins in order', async () => {
    const storage = memoryStorage();
    const queue = createScannerQueue(storage, DEPARTURE);
    for (const reference of ['HLONE111', 'HLTWO222', 'HLTHREE3']) {
      queue.add({ code: reference, reference, verified: false });
    }
    const report = await queue.flush(async (queued) => {
      if (queued.code === 'HLTWO222') throw new TypeError('Failed to fetch');
      return boarded(queued.reference, 1);
    });
    expect(report.interrupted).toBe(true);
    expect(queue.pending().map((queued) => queued.code)).toEqual(['HLTWO222', 'HLTHREE3']);
  });

  it('sends each check-in once when two flushes are asked for at the same time', async () => {
    const queue = createScannerQueue(memoryStorage(), DEPARTURE);
    queue.add({ code: 'HLONLY11', reference: 'HLONLY11', verified: true });
    const sent: QueuedCheckIn[] = [];
    const send = async (queued: QueuedCheckIn) => {
      sent.push(queued);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return boarded(queued.reference, 1);
    };
    await Promise.all([queue.flush(send), queue.flush(send)]);
    expect(sent).toHaveLength(1);
  });
});
