/**
 * The departure search as the site's page asks it: the query string read with the API's own schema (so the
 * page and GET /api/boats/departures accept exactly the same queries), then the departures service's search.
 */

import {
  type DepartureOffer,
  type DepartureSearchQuery,
  DepartureSearchQuery as DepartureSearchQuerySchema,
  type DeparturesService,
} from '../boats/index.js';
import { localDateAt } from '../platform/local-time.js';

export type DepartureSearchOutcome =
  | { kind: 'results'; query: DepartureSearchQuery; departures: DepartureOffer[] }
  | { kind: 'invalid'; fields: string[] }
  /** A day already gone in Hạ Long: said as such, with today to search instead. */
  | { kind: 'past'; query: DepartureSearchQuery; today: string };

export function createDepartureSearch(departures: DeparturesService, clock: () => Date = () => new Date()) {
  return {
    /** Today in Hạ Long, the date a search starts from when the visitor has not chosen one. */
    async today(): Promise<string> {
      return localDateAt(clock());
    },

    /** Reads `parameters` (date defaults to today) and searches; a malformed field is named, not guessed. */
    async search(parameters: URLSearchParams): Promise<DepartureSearchOutcome> {
      const given = Object.fromEntries([...parameters].filter(([, value]) => value !== ''));
      const today = localDateAt(clock());
      const parsed = DepartureSearchQuerySchema.safeParse({ date: today, ...given });
      if (!parsed.success) {
        return {
          kind: 'invalid',
          fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))],
        };
      }
      if (parsed.data.date < today) return { kind: 'past', query: parsed.data, today };
      return {
        kind: 'results',
        query: parsed.data,
        departures: await departures.searchDepartures(parsed.data),
      };
    },
  };
}

export type DepartureSearch = ReturnType<typeof createDepartureSearch>;
