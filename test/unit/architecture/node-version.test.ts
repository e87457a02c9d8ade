/**
 * The Node versions package.json promises (`engines.node`, which the README repeats) must be ones every installed
 * package accepts: a dependency that moves to "Node ≥ 22" would otherwise break Node 20 quietly. The lockfile is
 * what `npm ci` installs, and it records each package's own `engines`, so it is read instead of node_modules.
 */
import { readFileSync } from 'node:fs';
import { subset, validRange } from 'semver';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  cpu?: string[];
}

const repository = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', repository), 'utf8')) as {
  engines: { node: string };
};
const lockfile = JSON.parse(readFileSync(new URL('package-lock.json', repository), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};
const promised = manifest.engines.node;

/**
 * The promise is for 64-bit machines. Native builds for other CPUs are installed only there; sharp's build for
 * 32-bit Windows accepts Node 20 alone, as Node stopped shipping for that platform after 22.
 */
const SUPPORTED_CPUS = ['x64', 'arm64', 'wasm32'];

describe('the Node versions the platform promises', () => {
  it('are a range npm understands', () => {
    expect(validRange(promised)).not.toBeNull();
  });

  it('are accepted by every package the lockfile installs', () => {
    const refusing = Object.entries(lockfile.packages).flatMap(([path, locked]) => {
      if (locked.cpu && !locked.cpu.some((cpu) => SUPPORTED_CPUS.includes(cpu))) return [];
      const accepted = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
      if (accepted === undefined || subset(promised, accepted)) return [];
      return [`${path}@${locked.version} accepts Node ${accepted}`];
    });
    expect(refusing).toEqual([]);
  });
});
