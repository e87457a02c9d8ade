import { describe, expect, it } from 'vitest';
import { readDemoAccounts, type SeedReport } from '../../../functions/local/bootstrap.js';
import { createStartOutput, seedSummary } from '../../../functions/local/start-output.js';
import { printedUrl } from '../../e2e/support/platform-process.js';

const URL_SHOWN = 'http://localhost:4321/';

function recordedStart(level: Parameters<typeof createStartOutput>[0]) {
  let text = '';
  let now = 0;
  const output = createStartOutput(
    level,
    (written) => {
      text += written;
    },
    () => now,
  );
  return {
    output,
    text: () => text,
    advance(milliseconds: number) {
      now += milliseconds;
    },
  };
}

describe('what npm start prints', () => {
  it('says each step as it begins, then the time taken, the one URL and every demo account', async () => {
    const accounts = await readDemoAccounts();
    const start = recordedStart('info');
    start.output.step('Starting DynamoDB Local (in memory)…');
    start.output.step('Seeding demo data…');
    start.advance(47_600);
    start.output.ready('Hạ Long smart-tourism platform', URL_SHOWN, accounts);

    const lines = start.text().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Starting DynamoDB Local (in memory)…',
      'Seeding demo data…',
      'Ready in 48 s.',
    ]);
    expect(printedUrl(start.text())).toBe(URL_SHOWN);
    expect(start.text()).toContain(
      'Demo accounts (local only, never on AWS) — sign in at http://localhost:4321/en/staff/sign-in/',
    );
    // One row per seeded account — role, e-mail, password — below the URL, so the last screen has all a
    // newcomer needs.
    const urlLine = lines.findIndex((line) => line.includes('is running:'));
    expect(accounts.map((account) => account.roles[0])).toEqual(['admin', 'manager', 'curator', 'operator']);
    for (const account of accounts) {
      const row = lines.findIndex((line) =>
        new RegExp(`^ +${account.roles.join(', ')} +${account.email} +${account.password}\\b`).test(line),
      );
      expect(row, `the row of ${account.email}`).toBeGreaterThan(urlLine);
    }
    expect(start.text()).toMatch(/Operator-HaLong-2026 {2}\(company demo-bay-cruises\)\n/);
  });

  it('leaves the steps out at LOG_LEVEL warn, never the URL and the accounts', async () => {
    const accounts = await readDemoAccounts();
    const start = recordedStart('warn');
    start.output.step('Seeding demo data…');
    start.output.ready('Hạ Long smart-tourism platform', URL_SHOWN, accounts);
    expect(start.text()).not.toContain('Seeding');
    expect(start.text()).not.toContain('Ready in');
    expect(printedUrl(start.text())).toBe(URL_SHOWN);
    expect(start.text()).toMatch(/manager@halong\.test +Manager-HaLong-2026/);
  });
});

describe('the seed’s one line', () => {
  const nothing: SeedReport = {
    boatsCatalogueItems: 0,
    fleetItems: 0,
    departures: 0,
    museumItems: 0,
    wifiHotspots: 0,
    demandSeries: 0,
    demoCounters: 0,
    demoDutyContacts: 0,
    accounts: 0,
  };

  it('counts what a first seed added to the new table', () => {
    expect(
      seedSummary('halong-tourism', true, {
        boatsCatalogueItems: 14,
        fleetItems: 15,
        departures: 812,
        museumItems: 74,
        wifiHotspots: 107,
        demandSeries: 27,
        demoCounters: 8342,
        demoDutyContacts: 1,
        accounts: 4,
      }),
    ).toBe(
      'Added 14 catalogue items, 15 companies and boats, 812 departures, 74 museum items, 107 Wi-Fi hotspots, 27 demand series, 8342 demo dashboard counters, 1 demo duty contact and 4 accounts (table halong-tourism, created now).',
    );
  });

  it('names only what a later start added: the days that came into the window', () => {
    expect(seedSummary('halong-tourism', false, { ...nothing, departures: 9 })).toBe(
      'Added 9 departures (table halong-tourism).',
    );
  });

  it('says the demo data is in place when nothing was missing', () => {
    expect(seedSummary('halong-tourism', false, nothing)).toBe(
      'Nothing to add: the demo data is in place (table halong-tourism).',
    );
  });
});
