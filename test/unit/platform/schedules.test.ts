import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../functions/platform/logger.js';
import { scheduledJobsHandler, UnknownJobError } from '../../../functions/platform/schedules/lambda-jobs.js';
import { startLocalSchedules, untilNextDaily } from '../../../functions/platform/schedules/local-timers.js';
import type { ScheduledJob } from '../../../functions/platform/schedules/port.js';

function recordingLogger() {
  const lines: { level: string; message: string; fields?: object }[] = [];
  const at = (level: string) => (message: string, fields?: object) =>
    void lines.push({ level, message, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('local schedules', () => {
  it('run each job soon after start and every interval, never two runs at once, and keep going after a failure', async () => {
    vi.useFakeTimers();
    const { logger, lines } = recordingLogger();
    let finishRun: () => void = () => undefined;
    let runs = 0;
    const slow: ScheduledJob = {
      name: 'slow',
      everyMinutes: 1,
      description: 'takes longer than its interval',
      run: () => {
        runs++;
        return new Promise((resolve) => {
          finishRun = () => resolve({ done: 1 });
        });
      },
    };
    let failures = 0;
    const failing: ScheduledJob = {
      name: 'failing',
      everyMinutes: 1,
      description: 'throws',
      run: async () => {
        failures++;
        throw new Error('storage unavailable');
      },
    };
    const schedules = startLocalSchedules([slow, failing], logger);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(1);
    finishRun();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
    // Five seconds after start, then at one, two and three minutes.
    expect(failures).toBe(4);
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(4);
    schedules.stop();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(failures).toBe(4);
  });

  it('wait a whole interval for the first run of jobs the caller has just run itself', async () => {
    vi.useFakeTimers();
    const { logger } = recordingLogger();
    let runs = 0;
    const nightly: ScheduledJob = {
      name: 'nightly',
      everyMinutes: 24 * 60,
      description: 'run by the caller at start-up',
      run: async () => ({ done: ++runs }),
    };
    const schedules = startLocalSchedules([nightly], logger, { ranAlready: true });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(23 * 60 * 60_000);
    expect(runs).toBe(1);
    schedules.stop();
  });
});

describe('a daily job at a time of day in Hạ Long', () => {
  it('is due at the next 06:30 local (UTC+7): later today, or tomorrow once it has passed', () => {
    const at = { hour: 6, minute: 30 };
    // 22:00 UTC is 05:00 the next day in Hạ Long: due in 90 minutes.
    expect(untilNextDaily(at, new Date('2026-12-06T22:00:00Z'))).toBe(90 * 60_000);
    // 23:30 UTC is exactly 06:30: the next is a day later.
    expect(untilNextDaily(at, new Date('2026-12-06T23:30:00Z'))).toBe(24 * 3_600_000);
    // 14:42 UTC is 21:42: due at 06:30 tomorrow, 8 h 48 min on.
    expect(untilNextDaily(at, new Date('2026-12-07T14:42:00Z'))).toBe((8 * 60 + 48) * 60_000);
  });

  it('runs at that time and every day after, never at start-up', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T23:00:00Z') }); // 06:00 in Hạ Long
    const run = vi.fn(async () => ({ sent: 1 }));
    const { logger } = recordingLogger();
    const schedules = startLocalSchedules(
      [{ name: 'morning', everyMinutes: 1440, dailyAt: { hour: 6, minute: 30 }, description: '', run }],
      logger,
    );
    await vi.advanceTimersByTimeAsync(29 * 60_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    schedules.stop();
  });
});

describe('the scheduled jobs Lambda handler', () => {
  it('runs the job the schedule names and returns its report', async () => {
    const { logger } = recordingLogger();
    const job: ScheduledJob = {
      name: 'count',
      everyMinutes: 1,
      description: '',
      run: async () => ({ counted: 7 }),
    };
    expect(await scheduledJobsHandler([job], logger)({ job: 'count' })).toEqual({ counted: 7 });
  });

  it('fails loudly for a job name it does not know, so the schedule’s retries and alarms see it', async () => {
    const { logger } = recordingLogger();
    await expect(scheduledJobsHandler([], logger)({ job: 'gone' })).rejects.toBeInstanceOf(UnknownJobError);
  });
});
