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
    const report = await job.run();
    logger.info('scheduled job', {
      job: job.name,
      ...report,
      durationMs: Math.round(performance.now() - started),
    });
    return report;
  };
}
