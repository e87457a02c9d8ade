/**
 * The pier's rush at the gangway: 4 scanners check in 60 scans of one 48-seat departure at once — its 48
 * tickets, 12 of them scanned a second time — through the pier service (`checkIn`: the booking and the departure
 * read, the code compared, the conditional transaction), beside the same transaction sent straight to DynamoDB
 * Local (`recordBoarding` alone: no reads), in the same run against the same DynamoDB Local. Every departure must
 * end with exactly 48 aboard and the 12 repeats refused as already checked in.
 */
import type { Booking } from '../functions/boats/bookings/model.js';
import { createBookingsStore } from '../functions/boats/bookings/store.js';
import type { Departure } from '../functions/boats/departures/model.js';
import { pierServiceFor } from '../functions/boats/index.js';
import { PierRefusal } from '../functions/boats/pier/service.js';
import { createPierStore } from '../functions/boats/pier/store.js';
import { issueTicketCode } from '../functions/boats/tickets/codes.js';
import type { RunningDynamoDb } from '../functions/local/dynamodb-local.js';
import type { Principal } from '../functions/platform/auth/principal.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';
import { seededUniform } from '../functions/platform/seeded-random.js';
import { createLocalSigner } from '../functions/platform/signing/local-signer.js';
import { BENCH_BOAT, benchLocalTime, createBenchPlatform, scheduleDeparture } from './booking-platform.js';
import { bookingOn } from './bookings-contention.js';
import { type CpuUsage, startCpuSpan } from './cpu-usage.js';
import { median, percentile } from './statistics.js';

export const SCANNERS = 4;
export const TICKETS = BENCH_BOAT.capacity;
export const REPEATED_TICKETS = 12;
export const CHECKIN_ROUNDS = 5;
const SCANS = TICKETS + REPEATED_TICKETS;

/** The port authority's staff member scanning: a manager may board any company's departure. */
const scanner: Principal = {
  subject: 'bench-scanner',
  email: 'scanner@halong.test',
  roles: ['manager'],
  companyId: null,
};

/** What one scan came to: boarded, refused (by its problem kind), or anything else (a thrown error). */
type ScanOutcome = { kind: 'boarded' } | { kind: 'refused'; refusal: string } | { kind: 'other' };

/** One rush of SCANS scans by SCANNERS scanners on a fresh departure. */
export interface Rush {
  boarded: number;
  /** Refusals by kind, e.g. `{ 'already-checked-in': 12 }`. */
  refusals: Record<string, number>;
  other: number;
  /** People aboard at the end: the departure's counter, and the passengers the bookings mark aboard. */
  aboard: number;
  aboardInBookings: number;
  wallMs: number;
  /** Each scan's latency, in the order answered per scanner. */
  latencies: number[];
  p50: number;
  max: number;
  nodeCpuMsPerScan: number;
  /** DynamoDB Local's JVM; null where its CPU time cannot be read. */
  dynamoCpuMsPerScan: number | null;
}

export interface CheckInRound {
  service: Rush;
  raw: Rush;
}

/** The 60 scans in the order the scanners meet them: every ticket once, 12 of them twice, shuffled. */
function scanOrder(seed: number): number[] {
  const random = seededUniform(seed);
  const shuffle = (values: number[]) => {
    for (let index = values.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [values[index], values[other]] = [values[other] as number, values[index] as number];
    }
    return values;
  };
  const tickets = Array.from({ length: TICKETS }, (_, index) => index);
  const repeated = shuffle([...tickets]).slice(0, REPEATED_TICKETS);
  return shuffle([...tickets, ...repeated]);
}

/**
 * The scans dealt in turn to SCANNERS scanners, each scanning its share one after the other as fast as it can
 * while the others do the same; each scan's latency from its start to its answer.
 */
async function rush(
  order: number[],
  scan: (ticket: number) => Promise<ScanOutcome>,
  dynamoPid: number | undefined,
) {
  const perScanner = SCANS / SCANNERS;
  const cpuSpan = startCpuSpan(dynamoPid);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: SCANNERS }, async (_, scannerIndex) => {
      const answered: { outcome: ScanOutcome; ms: number }[] = [];
      for (const ticket of order.slice(scannerIndex * perScanner, (scannerIndex + 1) * perScanner)) {
        const sent = performance.now();
        const outcome = await scan(ticket);
        answered.push({ outcome, ms: performance.now() - sent });
      }
      return answered;
    }),
  );
  const wallMs = performance.now() - started;
  return { answers: answers.flat(), wallMs, cpu: cpuSpan() };
}

function rushOf(
  answers: { outcome: ScanOutcome; ms: number }[],
  wallMs: number,
  cpu: CpuUsage,
  aboard: { counted: number; inBookings: number },
): Rush {
  const latencies = answers.map((answer) => answer.ms);
  const refusals: Record<string, number> = {};
  for (const { outcome } of answers) {
    if (outcome.kind === 'refused') refusals[outcome.refusal] = (refusals[outcome.refusal] ?? 0) + 1;
  }
  return {
    boarded: answers.filter((answer) => answer.outcome.kind === 'boarded').length,
    refusals,
    other: answers.filter((answer) => answer.outcome.kind === 'other').length,
    aboard: aboard.counted,
    aboardInBookings: aboard.inBookings,
    wallMs,
    latencies,
    p50: percentile(latencies, 50),
    max: Math.max(...latencies),
    nodeCpuMsPerScan: cpu.nodeCpuMs / answers.length,
    dynamoCpuMsPerScan: cpu.childCpuMs === null ? null : cpu.childCpuMs / answers.length,
  };
}

/** Fails the benchmark unless exactly the 48 ticket holders are aboard and exactly the 12 repeats were refused. */
function assertBoardedExactly(result: Rush, departureId: string, label: string) {
  const refused = Object.entries(result.refusals);
  const problems = [
    result.aboard !== TICKETS && `the departure counts ${result.aboard} aboard, not ${TICKETS}`,
    result.aboardInBookings !== TICKETS &&
      `the bookings mark ${result.aboardInBookings} passengers aboard, not ${TICKETS}`,
    result.boarded !== TICKETS && `${result.boarded} scans boarded, not ${TICKETS}`,
    (refused.length !== 1 || result.refusals['already-checked-in'] !== REPEATED_TICKETS) &&
      `the refusals were ${JSON.stringify(result.refusals)}, not ${REPEATED_TICKETS} already-checked-in`,
    result.other > 0 && `${result.other} scans failed otherwise`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`Check-in benchmark (${label}) on ${departureId} FAILED: ${problems.join('; ')}.`);
  }
}

/**
 * A warm-up round, then CHECKIN_ROUNDS rounds, each on two fresh departures with 48 paid one-passenger
 * bookings: the service's rush, then the raw transaction's. Every departure must end with exactly 48 aboard.
 */
export async function measureCheckIn(dynamo: RunningDynamoDb): Promise<CheckInRound[]> {
  const { endpoint: dynamoEndpoint, process: dynamoProcess } = dynamo;
  const platform = await createBenchPlatform(dynamoEndpoint);
  const pier = pierServiceFor(platform.dependencies);
  // A client of its own for the raw transaction, built exactly as the service's (same connection pool size).
  const rawDb = createDocumentClient({ region: 'local', dynamoEndpoint });
  const rawPier = createPierStore(rawDb, platform.tableName);
  const bookings = createBookingsStore(rawDb, platform.tableName);
  const signer = await createLocalSigner(null);
  const send = (path: string, init?: RequestInit) => platform.app.request(path, init);
  let minute = 0;

  /** A fresh departure and its 48 bookings, each held and paid as the payment webhook confirms one. */
  const departureWithTickets = async (): Promise<{ departure: Departure; tickets: Booking[] }> => {
    const id = await scheduleDeparture(send, benchLocalTime(minute++));
    const scheduled = await rawPier.getDeparture(id);
    if (!scheduled) throw new Error(`Departure ${id} was scheduled but cannot be read.`);
    const tickets: Booking[] = [];
    for (let start = 0; start < TICKETS; start += 8) {
      const batch = Array.from({ length: Math.min(8, TICKETS - start) }, async () => {
        const { booking, idempotency } = bookingOn(scheduled, 1);
        const hold = await bookings.holdSeats(booking, idempotency);
        if (!hold.held) throw new Error(`A ticket of ${id} could not be held: ${hold.reason}.`);
        const paidAt = new Date().toISOString();
        const ticket = { code: await issueTicketCode(signer, booking, new Date()), issuedAt: paidAt };
        const set = {
          status: 'confirmed' as const,
          payment: { paymentIntentId: `pi_bench_${booking.id}`, amountPaid: booking.total, paidAt },
          confirmedAt: paidAt,
          ticket,
        };
        const confirmed = await bookings.confirmHeld(booking, { set });
        if (!confirmed.done) throw new Error(`A ticket of ${id} could not be confirmed.`);
        return { ...booking, ...set };
      });
      tickets.push(...(await Promise.all(batch)));
    }
    const departure = await rawPier.getDeparture(id);
    if (!departure) throw new Error(`Departure ${id} vanished.`);
    return { departure, tickets };
  };

  const aboardOn = async (departureId: string) => {
    const departure = await rawPier.getDeparture(departureId);
    const onBoard = await rawPier.bookingsOf({ id: departureId, localDate: departure?.localDate ?? '' });
    const inBookings = onBoard.reduce(
      (sum, booking) => sum + (booking.boarding ?? []).filter((state) => state?.state === 'aboard').length,
      0,
    );
    return { counted: departure?.aboard ?? Number.NaN, inBookings };
  };

  /** Each scan through the pier service, as `POST /api/checkin` runs it (without HTTP or token checks). */
  const throughService = async (order: number[], departure: Departure, tickets: Booking[]) => {
    const { answers, wallMs, cpu } = await rush(
      order,
      async (ticket) => {
        try {
          const code = tickets[ticket]?.ticket?.code ?? '';
          await pier.checkIn({ code, departureId: departure.id }, scanner);
          return { kind: 'boarded' };
        } catch (error) {
          return error instanceof PierRefusal ? { kind: 'refused', refusal: error.kind } : { kind: 'other' };
        }
      },
      dynamoProcess.pid,
    );
    return rushOf(answers, wallMs, cpu, await aboardOn(departure.id));
  };

  /**
   * `recordBoarding` itself, the service's only write on this path, with what a scanner would have decided from
   * the bookings and the departure as they were before the rush: a repeat fails on the booking's revision.
   */
  const rawTransaction = async (order: number[], departure: Departure, tickets: Booking[]) => {
    const at = new Date().toISOString();
    const boarding = [{ state: 'aboard' as const, at, by: { subject: scanner.subject } }];
    const { answers, wallMs, cpu } = await rush(
      order,
      async (ticket) => {
        try {
          const outcome = await rawPier.recordBoarding(
            tickets[ticket] as Booking,
            departure,
            boarding,
            1,
            at,
          );
          if (outcome.done) return { kind: 'boarded' };
          if (outcome.booking?.boarding?.[0]?.state === 'aboard') {
            return { kind: 'refused', refusal: 'already-checked-in' };
          }
          return { kind: 'refused', refusal: outcome.departure ? 'boat-full' : 'other' };
        } catch {
          return { kind: 'other' };
        }
      },
      dynamoProcess.pid,
    );
    return rushOf(answers, wallMs, cpu, await aboardOn(departure.id));
  };

  try {
    const round = async (label: string, seed: number): Promise<CheckInRound> => {
      const order = scanOrder(seed);
      const forService = await departureWithTickets();
      const service = await throughService(order, forService.departure, forService.tickets);
      assertBoardedExactly(service, forService.departure.id, `${label}, service`);
      const forRaw = await departureWithTickets();
      const raw = await rawTransaction(order, forRaw.departure, forRaw.tickets);
      assertBoardedExactly(raw, forRaw.departure.id, `${label}, raw`);
      return { service, raw };
    };
    await round('warm-up', 0);
    const rounds: CheckInRound[] = [];
    for (let index = 1; index <= CHECKIN_ROUNDS; index++) rounds.push(await round(`round ${index}`, index));
    return rounds;
  } finally {
    rawDb.destroy();
    platform.dependencies.db.destroy();
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function checkInRows(rounds: CheckInRound[]): string[] {
  const of = (pick: (round: CheckInRound) => number) => median(rounds.map(pick));
  // Of a round's 60 scans the nearest-rank p99 is its slowest, so the p99 is taken over every round's scans.
  const p99 = (side: 'service' | 'raw') =>
    percentile(
      rounds.flatMap((r) => r[side].latencies),
      99,
    );
  const slowest = (side: 'service' | 'raw') => Math.max(...rounds.map((r) => r[side].max));
  const refusals = (side: 'service' | 'raw') =>
    [...new Set(rounds.flatMap((r) => Object.keys(r[side].refusals)))]
      .map((kind) => `${of((r) => r[side].refusals[kind] ?? 0)} ${kind}`)
      .join(', ');
  const row = (what: string, side: 'service' | 'raw') =>
    `| ${what} | ${of((r) => r[side].boarded)} / ${refusals(side)} / ${of((r) => r[side].other)} | ${of((r) => r[side].aboard)} | ${ms(of((r) => r[side].wallMs))} | ${ms(of((r) => r[side].p50))} | ${ms(p99(side))} | ${ms(slowest(side))} |`;
  const cpuRow = (what: string, side: 'service' | 'raw') => {
    const dynamoCpu = rounds.map((r) => r[side].dynamoCpuMsPerScan);
    const dynamoCell = dynamoCpu.includes(null)
      ? 'not read (no /proc)'
      : `${median(dynamoCpu as number[]).toFixed(1)} ms`;
    return `| ${what} | ${of((r) => r[side].nodeCpuMsPerScan).toFixed(1)} ms | ${dynamoCell} |`;
  };
  return [
    `| path | boarded / refused / other | aboard at the end | wall time | p50 | p99 (all ${rounds.length * SCANS} scans) | slowest scan |`,
    '|---|---|---|---|---|---|---|',
    row('`checkIn` (pier service: 2 reads, the transaction)', 'service'),
    row('`recordBoarding` transaction straight to DynamoDB Local', 'raw'),
    '',
    '| where the CPU went, per scan | Node CPU (scanners, service, SDK) | DynamoDB Local CPU |',
    '|---|---|---|',
    cpuRow('pier service', 'service'),
    cpuRow('raw transaction', 'raw'),
    '',
    `Each round (service / raw; p50, slowest scan, wall time): ${rounds
      .map(
        (r) =>
          `${ms(r.service.p50)} / ${ms(r.raw.p50)}, ${ms(r.service.max)} / ${ms(r.raw.max)}, ${ms(r.service.wallMs)} / ${ms(r.raw.wallMs)}`,
      )
      .join(' · ')}.`,
  ];
}
