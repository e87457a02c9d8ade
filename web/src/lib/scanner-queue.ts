// The pier scanner through a short signal loss: the ticket keys kept on the phone, a scanned code verified
// offline against them, and the check-ins accepted meanwhile kept in order (in localStorage, so a reload keeps
// them) until they can be sent; what the server then refuses is kept as a conflict for the crew to see.
import type { JSONWebKeySet } from 'jose';
import { InvalidTicketError, readTicketCode } from '../../../functions/boats/tickets/codes';
import type { ScanAnswer } from './scanner-verdict';

/** The part of the Web Storage API used here (localStorage in the browser, a Map in the tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEYS_ITEM = 'halong.scanner.ticket-keys';

/** Keeps the published ticket keys (GET /api/tickets/keys) for offline verification. */
export function keepTicketKeys(storage: KeyValueStorage, keys: JSONWebKeySet): void {
  storage.setItem(KEYS_ITEM, JSON.stringify(keys));
}

/** The ticket keys kept last, or null when none were ever fetched (or what is kept is unreadable). */
export function keptTicketKeys(storage: KeyValueStorage): JSONWebKeySet | null {
  try {
    const keys = JSON.parse(storage.getItem(KEYS_ITEM) ?? 'null') as JSONWebKeySet | null;
    return Array.isArray(keys?.keys) ? keys : null;
  } catch {
    return null;
  }
}

/** What the scanner can say about a code without the network. */
export type OfflineVerdict =
  /** A signed ticket for this departure, genuine by its signature: accepted, to be sent. */
  | { kind: 'accepted'; reference: string; seats: number }
  /** A typed booking reference (or a code while no keys are kept): queued, checked only when sent. */
  | { kind: 'unverified'; reference: string }
  /** A code whose signature does not verify: refused at once. */
  | { kind: 'forged' }
  /** A genuine ticket for another departure: refused at once. */
  | { kind: 'wrong-departure'; ticketDepartureId: string };

const looksSigned = (code: string) => code.split('.').length === 3;

/** The booking reference as the service reads a typed one: upper case, without spaces or hyphens. */
export const normalizedReference = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Verifies `code` offline against `keys` (ES256 signature, then the departure it names). */
export async function verifyOffline(
  code: string,
  departureId: string,
  keys: JSONWebKeySet | null,
): Promise<OfflineVerdict> {
  const trimmed = code.trim();
  if (!looksSigned(trimmed)) return { kind: 'unverified', reference: normalizedReference(trimmed) };
  // Without keys nothing can be proven either way; the server decides when the code is sent.
  if (!keys) return { kind: 'unverified', reference: referenceClaimOf(trimmed) };
  try {
    const claims = await readTicketCode(trimmed, keys);
    if (claims.dep !== departureId) return { kind: 'wrong-departure', ticketDepartureId: claims.dep };
    return { kind: 'accepted', reference: claims.bid, seats: claims.n };
  } catch (error) {
    if (error instanceof InvalidTicketError) return { kind: 'forged' };
    throw error;
  }
}

/** The booking reference a signed code claims, unverified (for the queue's listing only). */
function referenceClaimOf(code: string): string {
  try {
    const payload = code.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return String((JSON.parse(json) as { bid?: unknown }).bid ?? '?');
  } catch {
    return '?';
  }
}

/** A check-in accepted offline, waiting to be sent. */
export interface QueuedCheckIn {
  code: string;
  reference: string;
  /** True when the code's signature was verified offline; false for a typed reference. */
  verified: boolean;
  queuedAt: string;
}

/** A queued check-in the server refused once it was sent. */
export interface Conflict {
  reference: string;
  problem: string;
  message: string;
  queuedAt: string;
}

/** What sending one check-in gave; a send that could not reach the server throws instead. */
export type Send = (checkIn: QueuedCheckIn) => Promise<ScanAnswer>;

export interface FlushReport {
  /** The server's answers that boarded someone, in the order sent. */
  boarded: Extract<ScanAnswer, { outcome: 'boarded' }>[];
  /** The refusals found by this flush. */
  conflicts: Conflict[];
  /** Whether the network failed before the queue was empty (what is left stays queued). */
  interrupted: boolean;
}

/**
 * The queue of one departure's offline check-ins and the conflicts found when they were sent, both kept in
 * `storage` under the departure's id.
 */
export function createScannerQueue(storage: KeyValueStorage, departureId: string) {
  const queueItem = `halong.scanner.queue.${departureId}`;
  const conflictsItem = `halong.scanner.conflicts.${departureId}`;
  const read = <T>(item: string): T[] => {
    try {
      const value = JSON.parse(storage.getItem(item) ?? '[]') as unknown;
      return Array.isArray(value) ? (value as T[]) : [];
    } catch {
      return [];
    }
  };
  const write = (item: string, values: unknown[]) => storage.setItem(item, JSON.stringify(values));
  let flushing: Promise<FlushReport> | null = null;

  async function sendAll(send: Send): Promise<FlushReport> {
    const report: FlushReport = { boarded: [], conflicts: [], interrupted: false };
    for (;;) {
      const [next] = read<QueuedCheckIn>(queueItem);
      if (!next) return report;
      let answer: ScanAnswer;
      try {
        answer = await send(next);
      } catch {
        report.interrupted = true;
        return report;
      }
      // Taken off only once answered: a check-in cut off mid-send is sent again, and the server's
      // already-checked-in answer then shows it as a conflict rather than losing it.
      write(
        queueItem,
        read<QueuedCheckIn>(queueItem).filter(
          (queued) => !(queued.code === next.code && queued.queuedAt === next.queuedAt),
        ),
      );
      if (answer.outcome === 'boarded') {
        report.boarded.push(answer);
      } else {
        const conflict: Conflict = {
          reference: next.reference,
          problem: answer.problem,
          message: answer.message,
          queuedAt: next.queuedAt,
        };
        write(conflictsItem, [...read<Conflict>(conflictsItem), conflict]);
        report.conflicts.push(conflict);
      }
    }
  }

  return {
    /** The check-ins waiting to be sent, oldest first. */
    pending: (): QueuedCheckIn[] => read<QueuedCheckIn>(queueItem),

    /** The refusals met when queued check-ins were sent, oldest first. */
    conflicts: (): Conflict[] => read<Conflict>(conflictsItem),

    /** Queues a check-in behind those already waiting. */
    add(checkIn: Omit<QueuedCheckIn, 'queuedAt'>, now: Date = new Date()): QueuedCheckIn {
      const queued = { ...checkIn, queuedAt: now.toISOString() };
      write(queueItem, [...read<QueuedCheckIn>(queueItem), queued]);
      return queued;
    },

    /**
     * Sends the queue in order, one at a time, until it is empty or the network fails. Calls made while a
     * flush runs share it, so nothing is sent twice by an `online` event and a successful scan at once.
     */
    flush(send: Send): Promise<FlushReport> {
      if (!flushing) {
        flushing = sendAll(send).finally(() => {
          flushing = null;
        });
      }
      return flushing;
    },

    /** Forgets the conflicts once the crew has dealt with them. */
    clearConflicts(): void {
      write(conflictsItem, []);
    },
  };
}

export type ScannerQueue = ReturnType<typeof createScannerQueue>;
