/**
 * The schedules port: work that must happen on time without a request to start it (ending unpaid holds,
 * erasing personal data after its retention period, nightly forecasts). A domain declares its jobs; the
 * local process runs them on timers (local-timers.ts) and on AWS EventBridge Scheduler invokes a jobs
 * function with the job's name (lambda-jobs.ts, and the CDK stack that reads `everyMinutes`).
 */

/** When a job runs: what the scheduler (local timers, or EventBridge Scheduler through CDK) needs to know. */
export interface JobSchedule {
  /** Stable name, passed by the scheduler to say which job to run, e.g. `release-expired-holds`. */
  name: string;
  /** How often it runs; EventBridge Scheduler's finest rate is one minute. */
  everyMinutes: number;
  /**
   * For a check finer than the scheduler's minute (a boat's lost signal): within each run the job runs again
   * every this many seconds until the next run is due. Locally the timer simply fires this often.
   */
  repeatEverySeconds?: number;
  /**
   * For a daily job due at a set time of day in Hạ Long (Asia/Ho_Chi_Minh, UTC+7): the hour and minute. Its
   * `everyMinutes` is then 1440; EventBridge Scheduler runs it by a cron in that time zone, the local timers at
   * the next such time.
   */
  dailyAt?: { hour: number; minute: number };
  description: string;
}

export interface ScheduledJob extends JobSchedule {
  /** Does the work once and reports counts for the log (e.g. `{ released: 3 }`). */
  run(): Promise<Record<string, number>>;
}

/** The event EventBridge Scheduler sends to the jobs function (the schedule's fixed input). */
export interface ScheduledJobEvent {
  job: string;
}
