/**
 * The direction of imports (docs/architecture.md) is the linter's rule (biome.json, noRestrictedImports): these
 * tests lint probe files laid out as in functions/, with the repository's own configuration, so a rule that stops
 * catching a violation fails here and not in a later review.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const biome = join(repository, 'node_modules', '.bin', 'biome');
const workspace = mkdtempSync(join(tmpdir(), 'halong-import-rules-'));
copyFileSync(join(repository, 'biome.json'), join(workspace, 'biome.json'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** The import-rule findings for a file at `path` that imports `specifier`. */
function findingsFor(path: string, specifier: string): string[] {
  const file = join(workspace, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `import { probe } from '${specifier}';\n\nexport const used = probe;\n`);
  try {
    execFileSync(biome, ['lint', '--vcs-enabled=false', path], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return [];
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    return output.split('\n').filter((line) => line.includes('lint/style/noRestrictedImports'));
  } finally {
    rmSync(file);
  }
}

describe('imports point one way', () => {
  it.each([
    ['functions/platform/probe.ts', '../boats/index.js'],
    ['functions/platform/auth/probe.ts', '../../site/render.js'],
    ['functions/platform/probe.ts', '../api.js'],
    ['functions/insights/probe.ts', '../boats/departures/store.js'],
    ['functions/wifi/portal/probe.ts', '../../boats/bookings/store.js'],
    ['functions/museum/probe.ts', '../wifi/store.js'],
    ['functions/boats/departures/probe.ts', '../../museum/service.js'],
    ['functions/site/probe.ts', '../wifi/store.js'],
    ['functions/site/domain-services/probe.ts', '../../museum/store.js'],
    ['functions/boats/probe.ts', '../site/render.js'],
    ['functions/tracking/probe.ts', '../boats/fleet/store.js'],
    ['functions/platform/probe.ts', '../tracking/index.js'],
    ['functions/wifi/probe.ts', '../tracking/store.js'],
  ])('refuses %s importing %s', (path, specifier) => {
    expect(findingsFor(path, specifier)).toHaveLength(1);
  });

  it.each([
    ['functions/insights/probe.ts', '../boats/reads.js'],
    ['functions/wifi/probe.ts', '../boats/index.js'],
    ['functions/site/domain-services/probe.ts', '../../museum/index.js'],
    ['functions/boats/bookings/probe.ts', '../departures/store.js'],
    ['functions/boats/probe.ts', '../platform/local-time.js'],
    ['functions/local/probe.ts', '../boats/departures/store.js'],
    ['functions/tracking/probe.ts', '../boats/reads.js'],
    ['functions/insights/probe.ts', '../tracking/index.js'],
    ['functions/insights/rollups/probe.ts', '../../boats/records.js'],
  ])('allows %s importing %s', (path, specifier) => {
    expect(findingsFor(path, specifier)).toEqual([]);
  });
});
