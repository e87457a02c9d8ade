/**
 * Multi-part AIS messages put back together. A message too long for one sentence (type 5 takes two) is sent as
 * consecutive sentences with the same fragment count, sequential message id and channel; the parts of different
 * messages may interleave (two channels, two ships). Only the parts within one request are joined: a receiver
 * sends a message's parts together, and a part left over is counted, never stored, rather than kept in a
 * function's memory that the next request may not reach.
 */
import type { AisFragment } from './sentences.js';

/** A whole message's payload, as one sentence or from all its parts in order. */
export interface AssembledPayload {
  payload: string;
  fillBits: number;
  /** The receiver's time of any part's tag block (the first given), else null. */
  receivedAtMs: number | null;
  station: string | null;
}

export interface Reassembly {
  payloads: AssembledPayload[];
  /** Messages of which a part is missing, out of order or repeated: dropped. */
  incomplete: number;
}

interface OpenGroup {
  parts: AisFragment[];
  /** A group whose first part never came: its later parts are swallowed and the whole counted once. */
  broken: boolean;
}

/** Joins the fragments of a request, in the order received, into whole messages. */
export function reassemble(fragments: readonly AisFragment[]): Reassembly {
  const payloads: AssembledPayload[] = [];
  const open = new Map<string, OpenGroup>();
  let incomplete = 0;

  for (const fragment of fragments) {
    if (fragment.fragmentCount === 1) {
      payloads.push(assembled([fragment]));
      continue;
    }
    const key = `${fragment.fragmentCount}|${fragment.sequentialId}|${fragment.channel}`;
    const group = open.get(key);
    if (fragment.fragmentNumber === 1) {
      // A new first part: a group open under the same id never got its last part.
      if (group) incomplete += 1;
      open.set(key, { parts: [fragment], broken: false });
    } else if (!group) {
      open.set(key, { parts: [fragment], broken: true });
    } else if (!group.broken && group.parts.length + 1 !== fragment.fragmentNumber) {
      group.broken = true;
    } else {
      group.parts.push(fragment);
    }

    if (fragment.fragmentNumber === fragment.fragmentCount) {
      const finished = open.get(key);
      open.delete(key);
      if (finished && !finished.broken) payloads.push(assembled(finished.parts));
      else incomplete += 1;
    }
  }
  return { payloads, incomplete: incomplete + open.size };
}

function assembled(parts: readonly AisFragment[]): AssembledPayload {
  const last = parts[parts.length - 1];
  return {
    payload: parts.map((part) => part.payload).join(''),
    fillBits: last?.fillBits ?? 0,
    receivedAtMs: parts.find((part) => part.receivedAtMs !== null)?.receivedAtMs ?? null,
    station: parts.find((part) => part.station !== null)?.station ?? null,
  };
}
