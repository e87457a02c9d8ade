// The in-process read cache: values kept for their lifetime and no longer, one load per key at a time, a bound on
// entries, failures not kept, and a write's topics forgotten at once.
import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../../functions/platform/read-cache.js';

function setUp(options: { ttlMilliseconds?: number; maxEntries?: number } = {}) {
  let now = 0;
  const cache = createReadCache({
    ttlMilliseconds: options.ttlMilliseconds ?? 5_000,
    maxEntries: options.maxEntries ?? 100,
    clock: () => now,
  });
  let loads = 0;
  const load = (value: string) => async () => {
    loads += 1;
    return { value };
  };
  return {
    cache,
    load,
    loads: () => loads,
    advance: (milliseconds: number) => {
      now += milliseconds;
    },
  };
}

describe('the read cache', () => {
  it('serves a value read within its lifetime without reading again', async () => {
    const { cache, load, loads, advance } = setUp();
    expect(await cache.read('routes', 'list', load('first'))).toEqual({ value: 'first' });
    advance(4_999);
    expect(await cache.read('routes', 'list', load('second'))).toEqual({ value: 'first' });
    expect(loads()).toBe(1);
  });

  it('reads again once the lifetime is over', async () => {
    const { cache, load, loads, advance } = setUp();
    await cache.read('routes', 'list', load('first'));
    advance(5_000);
    expect(await cache.read('routes', 'list', load('second'))).toEqual({ value: 'second' });
    expect(loads()).toBe(2);
  });

  it('loads once for many readers asking at the same time', async () => {
    const { cache, load, loads } = setUp();
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.read('m', 'k', load('one'))));
    expect(new Set(values).size).toBe(1);
    expect(loads()).toBe(1);
  });

  it('keeps values apart by topic and by key', async () => {
    const { cache, load } = setUp();
    await cache.read('routes', 'a', load('routes a'));
    await cache.read('museum', 'a', load('museum a'));
    await cache.read('routes', 'b', load('routes b'));
    expect(await cache.read('routes', 'a', load('x'))).toEqual({ value: 'routes a' });
    expect(await cache.read('museum', 'a', load('x'))).toEqual({ value: 'museum a' });
    expect(await cache.read('routes', 'b', load('x'))).toEqual({ value: 'routes b' });
  });

  it('forgets every value of a written topic at once, and only those', async () => {
    const { cache, load } = setUp();
    await cache.read('museum', 'catalogue', load('before the edit'));
    await cache.read('routes', 'list', load('routes'));
    cache.forget(['museum']);
    expect(await cache.read('museum', 'catalogue', load('after the edit'))).toEqual({
      value: 'after the edit',
    });
    expect(await cache.read('routes', 'list', load('x'))).toEqual({ value: 'routes' });
  });

  it('does not keep a failed read: the next reader tries again', async () => {
    const { cache, load } = setUp();
    await expect(cache.read('routes', 'list', () => Promise.reject(new Error('timeout')))).rejects.toThrow(
      'timeout',
    );
    expect(await cache.read('routes', 'list', load('recovered'))).toEqual({ value: 'recovered' });
  });

  it('keeps at most its bound of entries, dropping the least recently used', async () => {
    const { cache, load, loads } = setUp({ maxEntries: 2 });
    await cache.read('search', 'a', load('a'));
    await cache.read('search', 'b', load('b'));
    await cache.read('search', 'a', load('a again')); // a is now the most recently used
    await cache.read('search', 'c', load('c')); // b goes
    expect(loads()).toBe(3);
    expect(await cache.read('search', 'a', load('x'))).toEqual({ value: 'a' });
    expect(await cache.read('search', 'b', load('b reloaded'))).toEqual({ value: 'b reloaded' });
  });

  it('hands out values frozen, so a page cannot change what the next visitor sees', async () => {
    const { cache } = setUp();
    const value = await cache.read('routes', 'list', async () => ({ routes: [{ id: 1, stops: ['a'] }] }));
    expect(() => value.routes.push({ id: 2, stops: [] })).toThrow(TypeError);
    expect(() => {
      (value.routes[0] as { stops: string[] }).stops[0] = 'b';
    }).toThrow(TypeError);
  });
});
