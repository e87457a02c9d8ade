/**
 * Where a span's CPU went: this Node process (its event loop's utilisation, and CPU time of all its threads)
 * and a child process such as DynamoDB Local's JVM, read from /proc (Linux only; null elsewhere).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICK_MS = 10;

export interface CpuUsage {
  /** Share of the span the Node event loop was busy, 0–1. */
  eventLoopUtilization: number;
  nodeCpuMs: number;
  /** CPU time of the child process, or null where /proc is not available. */
  childCpuMs: number | null;
}

function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Starts measuring; the returned function ends the span and tells its CPU use. */
export function startCpuSpan(childPid: number | undefined): () => CpuUsage {
  const loopBefore = performance.eventLoopUtilization();
  const nodeBefore = process.cpuUsage();
  const childBefore = childPid === undefined ? null : processCpuMs(childPid);
  return () => {
    const node = process.cpuUsage(nodeBefore);
    const childAfter = childPid === undefined ? null : processCpuMs(childPid);
    return {
      eventLoopUtilization: performance.eventLoopUtilization(loopBefore).utilization,
      nodeCpuMs: (node.user + node.system) / 1000,
      childCpuMs: childBefore === null || childAfter === null ? null : childAfter - childBefore,
    };
  };
}
