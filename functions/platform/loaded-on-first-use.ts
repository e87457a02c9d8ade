/**
 * A service whose module is loaded by its first call. The site function's cold start then loads Astro and the
 * router only, and a page's first request loads the one domain it reads (boats, museum or Wi-Fi) with its
 * schemas, instead of every domain before any request (issue 18, lean functions: init ≤ 80 ms); a domain's
 * function loads a part only some of its requests need (the pier's service in the boats function, the weather
 * bans in the payments function) with the first of them.
 */

/** A service that may be loaded late: every member is an async method, so a caller awaits it anyway. */
export type AsyncService<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * `T` whose calls wait for `load` (once; a failed load is tried again on the next call). Only methods exist on
 * the stand-in: it is not a thenable (`then` is undefined, so awaiting it does not call the module), and a name
 * the service lacks fails on call, as it would on the service itself.
 */
export function loadedOnFirstUse<T extends AsyncService<T>>(load: () => Promise<T>): T {
  const loaded = once(load);
  return new Proxy({} as T, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const service = await loaded();
        const method = (service as Record<string, unknown>)[name];
        if (typeof method !== 'function') throw new TypeError(`The service has no method "${name}".`);
        return method.apply(service, args);
      };
    },
  });
}

/** `load` run once, its promise shared by every caller; a failure is retried by the next caller. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
