/** The boats domain's scheduled jobs (see the schedules port). */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { ScheduledJob } from '../platform/schedules/port.js';
import { bookingsServiceFor } from './index.js';

export function boatsJobsFor(dependencies: Pick<PlatformDependencies, 'db' | 'config'>): ScheduledJob[] {
  const bookings = bookingsServiceFor(dependencies);
  return [
    {
      name: 'release-expired-holds',
      everyMinutes: 1,
      description: 'Ends bookings on hold whose time to pay has passed and returns their seats to sale.',
      async run() {
        return { released: await bookings.releaseExpiredHolds() };
      },
    },
  ];
}
