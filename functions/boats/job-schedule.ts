/** When the boats domain's scheduled jobs run; read by the jobs themselves (jobs.ts) and by the CDK schedules. */
import type { JobSchedule } from '../platform/schedules/port.js';

export const boatsJobSchedule = [
  {
    name: 'release-expired-holds',
    everyMinutes: 1,
    description: 'Ends bookings on hold whose time to pay has passed and returns their seats to sale.',
  },
  {
    name: 'erase-personal-data',
    everyMinutes: 24 * 60,
    description: 'Erases the personal data of bookings whose trip ended more than the retention period ago.',
  },
] as const satisfies readonly JobSchedule[];

export type BoatsJobName = (typeof boatsJobSchedule)[number]['name'];
