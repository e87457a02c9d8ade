/** When the tracking domain's scheduled jobs run; read by the jobs (jobs.ts) and by the CDK schedules. */
import type { JobSchedule } from '../platform/schedules/port.js';

export const trackingJobSchedule = [
  {
    name: 'detect-lost-signals',
    everyMinutes: 1,
    repeatEverySeconds: 15,
    description:
      'Raises signal-lost for each boat on a trip silent for longer than the safety rules allow, and notes ' +
      'the signal’s return; every 15 seconds, so an alert follows the limit by at most about 15 seconds.',
  },
] as const satisfies readonly JobSchedule[];

export type TrackingJobName = (typeof trackingJobSchedule)[number]['name'];
