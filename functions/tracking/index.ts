/**
 * The tracking domain assembled: the intakes of boats' trackers and of shore AIS receivers, the live map's reads,
 * the safety rules and alerts, ready to mount at /api/tracking.
 */
import features from '../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { baySituationFor, boatLookupsFor, boatTripAtFor, bookedTripFor, departuresOfDayFor } from '../boats/reads.js';
import { createAuditLog } from '../platform/audit/log.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createLogger } from '../platform/logger.js';
import { createReadCache } from '../platform/read-cache.js';
import { createAisIntake } from './ais/intake.js';
import { createAisStaticStore } from './ais/store.js';
import type { Alert } from './live/model.js';
import { alertDeliveries, boatDeliveries, deliver, type LivePublisher } from './live/publish.js';
import { createTrackingRouter } from './routes.js';
import { createAlertsService } from './safety/alerts.js';
import { createAlertsStore } from './safety/alerts-store.js';
import { rulesFromFeatures, unsavedRules } from './safety/default-rules.js';
import type { SafetyRules } from './safety/model.js';
import { createRulesStore } from './safety/rules-store.js';
import { createTrackingService, type TrackingService } from './service.js';
import { createTrackingStore } from './store.js';

export { TRACKING_BASE_PATH } from './routes.js';
export type { TrackingService } from './service.js';
export type { Alert, LiveMessage, TrackedBoat } from './live/model.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> &
  Partial<Pick<PlatformDependencies, 'logger' | 'messages'>> & {
    /** Locally the live updates are published as the service writes; on AWS the table's stream does it. */
    live?: LivePublisher | null;
  };

/** How long the rules read are used: a manager's change reaches the intake within this. */
const RULES_KEPT = { ttlMilliseconds: 10_000, maxEntries: 1 } as const;

/** The rules as stored, or the defaults drawn from the bay's map features when none were ever saved. */
export function safetyRulesFor(data: Data): { current: () => Promise<SafetyRules>; forget: () => void } {
  const store = createRulesStore(data.db, data.config.tableName, data.logger);
  const kept = createReadCache(RULES_KEPT);
  return {
    current: () =>
      kept.read('rules', '', async () => (await store.get()) ?? unsavedRules(rulesFromFeatures(features), new Date())),
    forget: () => kept.forget(['rules']),
  };
}

/** The tracking service and the AIS intake feeding it, sharing one cached read of the fleet. */
export function trackingServicesFor(data: Data) {
  const boats = boatLookupsFor(data);
  const logger = data.logger ?? createLogger('info');
  const rules = safetyRulesFor(data);
  const live = data.live ?? null;
  let tracking: TrackingService | null = null;
  const published = (deliveries: Promise<Parameters<typeof deliver>[1]>) =>
    live
      ? deliveries
          .then((ready) => deliver(live, ready))
          .catch((error: unknown) => logger.error('live update failed', { error: String(error) }))
      : Promise.resolve();
  const alerts = createAlertsService({
    store: createAlertsStore(data.db, data.config.tableName, data.logger),
    rules: rules.current,
    messages: data.messages ?? null,
    audit: createAuditLog(data.db, data.config.tableName),
    changed: (alert: Alert) => published(Promise.resolve(alertDeliveries(alert))),
    logger,
  });
  const store = createTrackingStore(data.db, data.config.tableName, data.logger);
  tracking = createTrackingService({
    store,
    boatByTrackerId: boats.boatByTrackerId,
    tripAt: boatTripAtFor(data),
    situation: baySituationFor(data),
    departuresOn: departuresOfDayFor(data),
    rules: rules.current,
    alerts,
    boatChanged: async (position) => {
      if (tracking) await published(boatDeliveries(tracking, position));
    },
  });
  const ais = createAisIntake({
    tracking,
    boatByMmsi: boats.boatByMmsi,
    statics: createAisStaticStore(data.db, data.config.tableName, data.logger),
  });
  return { tracking, ais, alerts, rules };
}

export function trackingServiceFor(data: Data): TrackingService {
  return trackingServicesFor(data).tracking;
}

export function trackingRouterFor(dependencies: PlatformDependencies) {
  const { tracking, ais } = trackingServicesFor(dependencies);
  return createTrackingRouter(tracking, dependencies.requireRole, ais);
}

export { bookedTripFor };

// PLACEHOLDER exports of the live-updates branch (see the file): the tracking domain replaces them.
export {
  liveMessagesOfChangeFor,
  TRACKING_LIVE_PATH,
  trackingLiveRoutesFor,
  trackingLiveTopicsFor,
} from './live/placeholder.js';
