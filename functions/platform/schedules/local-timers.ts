/** The schedules port in the local process: each job on its own timer, never two runs of a job at once. */
import type { Logger } from '../logger.js';
import type { ScheduledJob } from './port.js';

const FIRST_RUN_DELAY_MS = 5_000;

export interface RunningSchedules {
  stop(): void;
}

/** How often a job's timer fires: its repeat when it has one, else its minutes. */
export function intervalOf(job: Pick<ScheduledJob, 'everyMinutes' | 'repeatEverySeconds'>): number {
  return job.repeatEverySeconds ? job.repeatEverySeconds * 1000 : job.everyMinutes * 60_000;
}

/**
 * Each job on its timer, with a first run soon after start-up so a daily job does not wait a day after every
 * restart — unless `ranAlready`: the caller has just run them, and the first run is the interval's.
 */
const HO_CHI_MINH_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Milliseconds from `now` to the next `hour:minute` in Hạ Long (tomorrow's when today's has passed). */
export function untilNextDaily(at: { hour: number; minute: number }, now: Date): number {
  const local = now.getTime() + HO_CHI_MINH_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let due = dayStart + (at.hour * 60 + at.minute) * 60_000;
  if (due <= local) due += DAY_MS;
  return due - local;
}

export function startLocalSchedules(
  jobs: readonly ScheduledJob[],
  logger: Logger,
  options: { ranAlready?: boolean } = {},
): RunningSchedules {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return; // the previous run is still going: skip this tick rather than pile up
      running = true;
      try {
        const report = await job.run();
        if (Object.values(report).some((count) => count > 0))
          logger.info('scheduled job', { job: job.name, ...report });
      } catch (error) {
        logger.error('scheduled job failed', {
          job: job.name,
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
      } finally {
        running = false;
      }
    };
    if (job.dailyAt) {
      // At its time of day, every day: never on start-up (a morning report at 3 pm would be no morning report).
      const daily = job.dailyAt;
      let timer: NodeJS.Timeout;
      const arm = () => {
        timer = setTimeout(
          () => {
            void tick();
            arm();
          },
          untilNextDaily(daily, new Date()),
        );
        timer.unref();
      };
      arm();
      return () => clearTimeout(timer);
    }
    const first = options.ranAlready ? undefined : setTimeout(() => void tick(), FIRST_RUN_DELAY_MS);
    first?.unref();
    const timer = setInterval(() => void tick(), intervalOf(job));
    timer.unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  });
  return {
    stop() {
      for (const stop of timers) stop();
    },
  };
}
