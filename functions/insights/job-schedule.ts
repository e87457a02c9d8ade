/** When the insights domain's scheduled jobs run; read by the jobs themselves and by the CDK schedules. */
import type { JobSchedule } from '../platform/schedules/port.js';

export const insightsJobSchedule = [
  {
    name: 'refresh-forecasts',
    everyMinutes: 24 * 60,
    description: 'Forecasts every demand series 90 days ahead from its history and stores the forecasts.',
  },
  {
    name: 'send-morning-report',
    everyMinutes: 24 * 60,
    dailyAt: { hour: 6, minute: 30 },
    description:
      'Sends the managers’ morning report (yesterday, today, open alerts, the week ahead) at 06:30.',
  },
] as const satisfies readonly JobSchedule[];
