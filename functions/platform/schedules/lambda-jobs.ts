/** The schedules port on AWS: the handler EventBridge Scheduler invokes, running the job it names. */
import type { Logger } from '../logger.js';
import type { ScheduledJob, ScheduledJobEvent } from './port.js';

export class UnknownJobError extends Error {
  override readonly name = 'UnknownJobError';
}

/**
 * A Lambda handler for `{ "job": name }` events. A failed run throws, so the scheduler's retry policy and
 * dead-letter queue see it; an unknown name throws too (a schedule pointing at a job that no longer exists).
 */
export function scheduledJobsHandler(jobs: readonly ScheduledJob[], logger: Logger) {
  return async (event: ScheduledJobEvent): Promise<Record<string, number>> => {
    const job = jobs.find((candidate) => candidate.name === event?.job);
    if (!job) throw new UnknownJobError(`No scheduled job is named "${String(event?.job)}".`);
    const started = performance.now();
    const report = await runRepeatedly(job);
    logger.info('scheduled job', {
      job: job.name,
      ...report,
      durationMs: Math.round(performance.now() - started),
    });
    return report;
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Runs a job once, or — with `repeatEverySeconds` — again at each repeat until its next scheduled run is due
 * (a one-minute schedule repeating every 15 s runs at 0, 15, 30 and 45 s), adding up the counts. The function's
 * timeout must cover the minute (cdk/stacks/api-stack.ts).
 */
export async function runRepeatedly(
  job: Pick<ScheduledJob, 'run' | 'everyMinutes' | 'repeatEverySeconds'>,
  wait: (milliseconds: number) => Promise<unknown> = sleep,
  now: () => number = () => performance.now(),
): Promise<Record<string, number>> {
  const repeat = job.repeatEverySeconds ? job.repeatEverySeconds * 1000 : 0;
  const runs = repeat > 0 ? Math.max(1, Math.floor((job.everyMinutes * 60_000) / repeat)) : 1;
  const total: Record<string, number> = {};
  const start = now();
  for (let index = 0; index < runs; index++) {
    const due = start + index * repeat;
    if (now() < due) await wait(due - now());
    for (const [key, count] of Object.entries(await job.run())) total[key] = (total[key] ?? 0) + count;
  }
  return total;
}
