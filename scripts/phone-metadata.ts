/**
 * `npm run phone-metadata`: writes the phone-number metadata the Wi-Fi portal reads login-code numbers with — the
 * libphonenumber-js "mobile" metadata (valid means a mobile number: no SMS reaches a fixed line) cut to the
 * countries Hạ Long's visitors mostly come from, as the library's documentation suggests for a smaller bundle
 * ("custom" metadata with `libphonenumber-js/core`): about 32 KB instead of 106. Visitors with a number from
 * elsewhere get their code by e-mail. Run it again after upgrading libphonenumber-js (a test says when).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visitorPhoneMetadata } from '../functions/wifi/portal/phone-countries.js';

const source = JSON.parse(
  readFileSync(new URL('../node_modules/libphonenumber-js/metadata.mobile.json', import.meta.url), 'utf8'),
);
const target = new URL('../functions/wifi/portal/phone-metadata.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(visitorPhoneMetadata(source))}\n`);
// Laid out as the repository's formatter lays out JSON (the bundler minifies it again anyway).
execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(target)], { stdio: 'ignore' });
process.stdout.write(`wrote ${target.pathname}\n`);
