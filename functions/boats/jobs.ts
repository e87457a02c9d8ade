/** The boats domain's scheduled jobs (see the schedules port), at the times job-schedule.ts gives. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { ScheduledJob } from '../platform/schedules/port.js';
import { bookingsServiceFor } from './index.js';
import { type BoatsJobName, boatsJobSchedule } from './job-schedule.js';

export function boatsJobsFor(dependencies: Pick<PlatformDependencies, 'db' | 'config'>): ScheduledJob[] {
  const bookings = bookingsServiceFor(dependencies);
  const runs: Record<BoatsJobName, ScheduledJob['run']> = {
    'release-expired-holds': async () => ({ released: await bookings.releaseExpiredHolds() }),
    'erase-personal-data': async () => ({ erased: await bookings.erasePersonalDataAfterRetention() }),
  };
  return boatsJobSchedule.map((schedule) => ({ ...schedule, run: runs[schedule.name] }));
}
