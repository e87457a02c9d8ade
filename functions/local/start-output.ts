/**
 * What `npm start` says on the terminal: a short line as each step begins, so a first start (the site's build and
 * the seed, most of a minute) never looks stuck, then the one URL with the demo accounts to sign in with. The
 * step lines are information, left out like the JSON logs when LOG_LEVEL is warn or quieter; the URL and the
 * accounts are always printed, being what the start is for (test/e2e/support/platform-process.ts reads the URL).
 */
import type { DemoAccount } from '../platform/auth/accounts.js';
import type { LogLevel } from '../platform/config.js';
import type { SeedReport } from './bootstrap.js';

/** The staff sign-in page, from which every staff page is reached. */
const SIGN_IN_PATH = 'en/staff/sign-in/';

export interface StartOutput {
  /** One line about the work under way ("Seeding demo data…") or a fact about the platform started. */
  step(message: string): void;
  /** The platform answers at `url`: says so, with the demo accounts, and how long the start took. */
  ready(name: string, url: string, accounts: readonly DemoAccount[]): void;
}

/** `sinceStart`: milliseconds since the process began (what performance.now() counts in Node). */
export function createStartOutput(
  level: LogLevel,
  write: (text: string) => void = (text) => process.stdout.write(text),
  sinceStart: () => number = () => performance.now(),
): StartOutput {
  const stepsShown = level === 'debug' || level === 'info';
  return {
    step(message) {
      if (stepsShown) write(`${message}\n`);
    },
    ready(name, url, accounts) {
      if (stepsShown) write(`Ready in ${Math.round(sinceStart() / 1000)} s.\n`);
      write(`\n${readyMessage(name, url, accounts)}\n`);
    },
  };
}

/**
 * The URL line — "<name> is running: <url>", kept in that form for whoever reads it from the output — and the
 * seeded demo accounts as a table: role, e-mail, password (and an operator's company).
 */
export function readyMessage(name: string, url: string, accounts: readonly DemoAccount[]): string {
  const lines = [`${name} is running: ${url}  (Ctrl-C to stop)`];
  if (accounts.length > 0) {
    const rows = [
      { role: 'role', email: 'e-mail', password: 'password', company: '' },
      ...accounts.map((account) => ({
        role: account.roles.join(', '),
        email: account.email,
        password: account.password,
        company: account.companyId ? `  (company ${account.companyId})` : '',
      })),
    ];
    const roleWidth = Math.max(...rows.map(({ role }) => role.length));
    const emailWidth = Math.max(...rows.map(({ email }) => email.length));
    lines.push(
      '',
      `Demo accounts (local only, never on AWS) — sign in at ${new URL(SIGN_IN_PATH, url)}`,
      ...rows.map(
        ({ role, email, password, company }) =>
          `  ${role.padEnd(roleWidth)}  ${email.padEnd(emailWidth)}  ${password}${company}`,
      ),
    );
  }
  return lines.join('\n');
}

/** What the seed added, or that a table seeded before needed nothing (a second start changes nothing). */
export function seedSummary(tableName: string, created: boolean, seeded: SeedReport): string {
  const added = [
    [seeded.boatsCatalogueItems, 'catalogue items'],
    [seeded.fleetItems, 'companies and boats'],
    [seeded.departures, 'departures'],
    [seeded.museumItems, 'museum items'],
    [seeded.wifiHotspots, 'Wi-Fi hotspots'],
    [seeded.demandSeries, 'demand series'],
    [seeded.demoCounters, 'demo dashboard counters'],
    [seeded.demoDutyContacts, 'demo duty contact'],
    [seeded.accounts, 'accounts'],
  ]
    .filter(([count]) => count !== 0)
    .map(([count, what]) => `${count} ${what}`);
  const table = `table ${tableName}${created ? ', created now' : ''}`;
  if (added.length === 0) return `Nothing to add: the demo data is in place (${table}).`;
  const list = added.length === 1 ? added[0] : `${added.slice(0, -1).join(', ')} and ${added.at(-1)}`;
  return `Added ${list} (${table}).`;
}
