/** The site's services load with their first call: once, again after a failed load, and never by an await. */
import { describe, expect, it } from 'vitest';
import { loadedOnFirstUse } from '../../../functions/platform/loaded-on-first-use.js';

interface Greeter {
  greet(name: string): Promise<string>;
  count(): Promise<number>;
}

function loader(failures = 0) {
  let loads = 0;
  let calls = 0;
  const load = async (): Promise<Greeter> => {
    loads += 1;
    if (loads <= failures) throw new Error('the module could not be loaded');
    return {
      async greet(name) {
        calls += 1;
        return `Xin chào, ${name}`;
      },
      async count() {
        return calls;
      },
    };
  };
  return { load, loads: () => loads };
}

describe('a service loaded on first use', () => {
  it('loads nothing until a method is called, then loads once for every caller', async () => {
    const { load, loads } = loader();
    const greeter = loadedOnFirstUse(load);
    expect(loads()).toBe(0);
    const answers = await Promise.all([greeter.greet('An'), greeter.greet('Bình'), greeter.count()]);
    expect(answers.slice(0, 2)).toEqual(['Xin chào, An', 'Xin chào, Bình']);
    expect(await greeter.count()).toBe(2);
    expect(loads()).toBe(1);
  });

  it('passes a failed load to the caller, and tries again on the next call', async () => {
    const { load, loads } = loader(1);
    const greeter = loadedOnFirstUse(load);
    await expect(greeter.greet('An')).rejects.toThrow('could not be loaded');
    expect(await greeter.greet('An')).toBe('Xin chào, An');
    expect(loads()).toBe(2);
  });

  it('is not a thenable, so awaiting the service itself loads nothing', async () => {
    const { load, loads } = loader();
    const greeter = loadedOnFirstUse(load);
    expect(await greeter).toBe(greeter);
    expect(loads()).toBe(0);
  });

  it('fails on a call to a method the service does not have', async () => {
    const greeter = loadedOnFirstUse(loader().load) as Greeter & { wave(): Promise<void> };
    await expect(greeter.wave()).rejects.toThrow(/no method "wave"/);
  });
});
