/**
 * The tracking domain assembled: the intakes of boats' trackers and of shore AIS receivers, the live map's reads,
 * the safety rules and alerts, ready to mount at /api/tracking.
 */
import {
  baySituationFor,
  boatLookupsFor,
  boatTripAtFor,
  bookedTripFor,
  departuresOfDayFor,
} from '../boats/reads.js';
import type { AuditLog } from '../platform/audit/log.js';
import { createSessionFormGuard } from '../platform/auth/session-form-guard.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { LiveRoute, LiveTopicsResolver } from '../platform/live-updates/port.js';
import type { LiveMessagesOfChange } from '../platform/live-updates/stream-publisher.js';
import { loadedOnFirstUse } from '../platform/loaded-on-first-use.js';
import { createLogger } from '../platform/logger.js';
import { createReadCache } from '../platform/read-cache.js';
import type { AisIntake } from './ais/intake.js';
import { createStaffResolver, createViewerResolver, topicsOf } from './live/access.js';
import { Alert } from './live/model.js';
import { alertDeliveries, boatDeliveries, deliver, type LivePublisher } from './live/publish.js';
import { createLiveReadRouter } from './live/routes.js';
import { BoatPosition } from './model.js';
import { createTrackingRouter, TRACKING_BASE_PATH } from './routes.js';
import { createAlertsService } from './safety/alerts.js';
import { ALERT_DAYS_PARTITION_PREFIX, createAlertsStore } from './safety/alerts-store.js';
import type { SafetyRules } from './safety/model.js';
import { createSafetyRouter } from './safety/routes.js';
import { createRulesStore } from './safety/rules-store.js';
import { createTrackingService, type TrackingService } from './service.js';
import { createTrackingStore, LATEST_POSITIONS_PARTITION } from './store.js';

export type { Viewer } from './live/board.js';
export type { Alert, AlertKind, LiveMessage, TrackedBoat, TripView } from './live/model.js';
export { TRACKING_BASE_PATH } from './routes.js';
export type { AlertsService } from './safety/alerts.js';
export type { SafetyRules } from './safety/model.js';
export type { TrackingService } from './service.js';
export { BoatNotVisibleError, MAX_TRACK_HOURS, TrackRangeError } from './service.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> &
  Partial<Pick<PlatformDependencies, 'logger' | 'messages'>> & {
    /** Locally the live updates are published as the service writes; on AWS the table's stream does it. */
    liveUpdates?: LivePublisher | null;
  };

/**
 * The rules drawn from the bay's map features, for a table where none were ever saved. The features (40 kB) are
 * loaded then, not at every cold start of the tracking function.
 */
async function defaultRules(): Promise<SafetyRules> {
  const [{ default: features }, { rulesFromFeatures, unsavedRules }] = await Promise.all([
    import('../../assets/map/halong-bay-features.geo.json', { with: { type: 'json' } }),
    import('./safety/default-rules.js'),
  ]);
  return unsavedRules(rulesFromFeatures(features), new Date());
}

/** The audit log, loaded with the first alert acted on or rules saved: most requests are positions. */
const auditLogOf = (data: Pick<Data, 'db' | 'config'>): AuditLog =>
  loadedOnFirstUse<AuditLog>(async () => {
    const { createAuditLog } = await import('../platform/audit/log.js');
    return createAuditLog(data.db, data.config.tableName);
  });

/** How long the rules read are used: a manager's change reaches the intake within this. */
const RULES_KEPT = { ttlMilliseconds: 10_000, maxEntries: 1 } as const;

/** The rules as stored, or the defaults drawn from the bay's map features when none were ever saved. */
export function safetyRulesFor(data: Data) {
  const store = createRulesStore(data.db, data.config.tableName, data.logger);
  const kept = createReadCache(RULES_KEPT);
  return {
    store,
    current: (): Promise<SafetyRules> =>
      kept.read('rules', '', async () => (await store.get()) ?? (await defaultRules())),
    forget: () => kept.forget(['rules']),
  };
}

/** The tracking service and the AIS intake feeding it, sharing one cached read of the fleet. */
export function trackingServicesFor(data: Data) {
  const boats = boatLookupsFor(data);
  const logger = data.logger ?? createLogger('info');
  const rules = safetyRulesFor(data);
  const live = data.liveUpdates ?? null;
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
    audit: auditLogOf(data),
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
  // Loaded with the first batch of AIS sentences: a function serving trackers and the map does not carry it.
  const ais = loadedOnFirstUse<AisIntake>(async () => {
    const [{ createAisIntake }, { createAisStaticStore }] = await Promise.all([
      import('./ais/intake.js'),
      import('./ais/store.js'),
    ]);
    return createAisIntake({
      tracking,
      boatByMmsi: boats.boatByMmsi,
      statics: createAisStaticStore(data.db, data.config.tableName, data.logger),
    });
  });
  return { tracking, ais, alerts, rules };
}

export function trackingServiceFor(data: Data): TrackingService {
  return trackingServicesFor(data).tracking;
}

/** The intakes (trackers, AIS receivers): the hot path, in a function of its own on AWS (no sign-in to load). */
export function trackingIntakeRouterFor(
  dependencies: Data,
  services: ReturnType<typeof trackingServicesFor> = trackingServicesFor(dependencies),
) {
  return { basePath: TRACKING_BASE_PATH, router: createTrackingRouter(services.tracking, services.ais) };
}

/** The live map's reads, the alerts and the rules, at /api/tracking. */
export function trackingReadRoutersFor(
  dependencies: PlatformDependencies,
  services: ReturnType<typeof trackingServicesFor> = trackingServicesFor(dependencies),
) {
  const { tracking, alerts, rules } = services;
  const access = {
    viewerOf: createViewerResolver(dependencies.verifier, bookedTripFor(dependencies)),
    staffOf: createStaffResolver(dependencies.verifier),
    liveConnectKey: dependencies.liveConnectKey,
  };
  const requireRoleOrSession = createSessionFormGuard(
    dependencies.verifier,
    dependencies.requireRole,
    dependencies.config,
  );
  return [
    createLiveReadRouter(tracking, alerts, access, dependencies.requireRole),
    createSafetyRouter(
      alerts,
      rules,
      auditLogOf(dependencies),
      dependencies.requireRole,
      requireRoleOrSession,
    ),
  ].map((router) => ({ basePath: TRACKING_BASE_PATH, router }));
}

/** Every router of tracking, one set of services behind them (locally, the tests, the API document). */
export function trackingRoutersFor(dependencies: PlatformDependencies) {
  const services = trackingServicesFor(dependencies);
  return [trackingIntakeRouterFor(dependencies, services), ...trackingReadRoutersFor(dependencies, services)];
}

/** Where browsers open the tracking domain's WebSocket locally (on AWS: LIVE_UPDATES_URL). */
export const TRACKING_LIVE_PATH = `${TRACKING_BASE_PATH}/live`;

/**
 * Who hears what on the live map's WebSocket: the topics of the viewer the request shows (live/access.ts), staff
 * also by a live-updates token in the query.
 */
export function trackingLiveTopicsFor(dependencies: PlatformDependencies): LiveTopicsResolver {
  const viewerOf = createViewerResolver(dependencies.verifier, bookedTripFor(dependencies), {
    liveConnectKey: dependencies.liveConnectKey,
  });
  return async (request) => topicsOf(await viewerOf(request));
}

/** The tracking domain's WebSocket endpoints for the local process (functions/local/live.ts). */
export function trackingLiveRoutesFor(dependencies: PlatformDependencies): LiveRoute[] {
  return [{ path: TRACKING_LIVE_PATH, resolve: trackingLiveTopicsFor(dependencies) }];
}

/**
 * What a change of the table means for the live map, on AWS where the table's stream feeds the live updates: a
 * boat's new latest position, or an alert raised or changed (its day's record: each change once).
 */
export function liveMessagesOfChangeFor(
  data: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
): LiveMessagesOfChange {
  const tracking = trackingServiceFor({ ...data, liveUpdates: null });
  return async ({ keys, newItem }) => {
    if (!newItem) return [];
    if (keys.PK === LATEST_POSITIONS_PARTITION) {
      const position = BoatPosition.safeParse(newItem);
      return position.success ? boatDeliveries(tracking, position.data) : [];
    }
    if (keys.PK.startsWith(ALERT_DAYS_PARTITION_PREFIX)) {
      const alert = Alert.safeParse(newItem);
      return alert.success ? alertDeliveries(alert.data) : [];
    }
    return [];
  };
}

export { trackingJobSchedule } from './job-schedule.js';
export { trackingJobsFor } from './jobs.js';

export { bookedTripFor };
