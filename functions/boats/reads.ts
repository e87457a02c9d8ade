/**
 * What another domain may read of boats, and nothing else: small on purpose, so that a domain that reads a few
 * numbers of boats (the insights' passenger counts) does not load boats' routers and
 * schemas at its cold start. index.ts re-exports all of it; another domain imports boats through one of the two.
 */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { Departure } from './departures/model.js';
import { createDeparturesStore } from './departures/store.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

/** A local day's departures in departure-time order, each with its route, port, company and seat counters. */
export type DeparturesOfDay = (localDate: string) => Promise<Departure[]>;

/** The departures of a day as stored, for the insights' passenger counts and the operator's page. */
export function departuresOfDayFor({ db, config, logger }: Data): DeparturesOfDay {
  const departures = createDeparturesStore(db, config.tableName, logger);
  return (localDate) => departures.listDeparturesOn(localDate);
}
