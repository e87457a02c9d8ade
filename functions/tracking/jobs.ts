/** The tracking domain's scheduled jobs (see the schedules port), at the times job-schedule.ts gives. */
import type { ScheduledJob } from '../platform/schedules/port.js';
import { type TrackingJobName, trackingJobSchedule } from './job-schedule.js';
import type { TrackingService } from './service.js';

export function trackingJobsFor(tracking: Pick<TrackingService, 'checkSignals'>): ScheduledJob[] {
  const runs: Record<TrackingJobName, ScheduledJob['run']> = {
    'detect-lost-signals': () => tracking.checkSignals(),
  };
  return trackingJobSchedule.map((schedule) => ({ ...schedule, run: runs[schedule.name] }));
}
