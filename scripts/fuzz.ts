/**
 * `npm run fuzz [-- --runs N] [-- --seed S]`: the API fuzzer of the test suite, run longer and with a fresh random
 * seed each time (`npm test` always runs the same short one). On failure it prints the seed, and the command that
 * replays exactly the same requests.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, runs: { type: 'string', default: '150' } },
});
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = values.runs ?? '150';
process.stdout.write(`Fuzzing the API: seed ${seed}, ${runs} requests per operation.\n`);
const result = spawnSync('npx', ['vitest', 'run', 'test/integration/api-fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
if (result.status !== 0) {
  process.stderr.write(
    `\nThe fuzzer failed with seed ${seed}. Replay: npm run fuzz -- --seed ${seed} --runs ${runs}\n`,
  );
  process.exit(result.status ?? 1);
}
process.stdout.write(`No faults found with seed ${seed}.\n`);
