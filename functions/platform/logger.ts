/** Structured JSON logs: one object a line on stdout, which CloudWatch and local terminals both read. */
import type { LogLevel } from './config.js';

const severity = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export type Logger = Record<Exclude<LogLevel, 'silent'>, (message: string, fields?: object) => void>;

export function createLogger(level: LogLevel, write: (line: string) => void = console.log): Logger {
  const at =
    (entryLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: object = {}) => {
      if (severity[entryLevel] < severity[level]) return;
      write(JSON.stringify({ level: entryLevel, time: new Date().toISOString(), message, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
