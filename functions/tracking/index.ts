/**
 * The tracking domain assembled: the intakes of boats' trackers and of shore AIS receivers, the live map's reads,
 * the safety rules and alerts, ready to mount at /api/tracking.
 */
import features from '../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import {
  baySituationFor,
  boatLookupsFor,
  boatTripAtFor,
  bookedTripFor,
  departuresOfDayFor,
} from '../boats/reads.js';
import { createAuditLog } from '../platform/audit/log.js';
import { createSessionFormGuard } from '../platform/auth/session-form-guard.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createLogger } from '../platform/logger.js';
import { createReadCache } from '../platform/read-cache.js';
import { createAisIntake } from './ais/intake.js';
import { createAisStaticStore } from './ais/store.js';
import { createViewerResolver, topicsOf } from './live/access.js';
import type { Alert } from './live/model.js';
import { alertDeliveries, boatDeliveries, deliver, type LivePublisher } from './live/publish.js';
import { createLiveReadRouter } from './live/routes.js';
import { createTrackingRouter, TRACKING_BASE_PATH } from './routes.js';
import { createAlertsService } from './safety/alerts.js';
import { createAlertsStore } from './safety/alerts-store.js';
import { rulesFromFeatures, unsavedRules } from './safety/default-rules.js';
import type { SafetyRules } from './safety/model.js';
import { createSafetyRouter } from './safety/routes.js';
import { createRulesStore } from './safety/rules-store.js';
import { createTrackingService, type TrackingService } from './service.js';
import { createTrackingStore } from './store.js';

export type { Viewer } from './live/board.js';
export type { Alert, LiveMessage, TrackedBoat, TripView } from './live/model.js';
export { TRACKING_BASE_PATH } from './routes.js';
export type { TrackingService } from './service.js';
export { BoatNotVisibleError, MAX_TRACK_HOURS, TrackRangeError } from './service.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> &
  Partial<Pick<PlatformDependencies, 'logger' | 'messages'>> & {
    /** Locally the live updates are published as the service writes; on AWS the table's stream does it. */
    live?: LivePublisher | null;
  };

const auditLogOf = (data: Pick<Data, 'db' | 'config'>) => createAuditLog(data.db, data.config.tableName);

/** How long the rules read are used: a manager's change reaches the intake within this. */
const RULES_KEPT = { ttlMilliseconds: 10_000, maxEntries: 1 } as const;

/** The rules as stored, or the defaults drawn from the bay's map features when none were ever saved. */
export function safetyRulesFor(data: Data) {
  const store = createRulesStore(data.db, data.config.tableName, data.logger);
  const kept = createReadCache(RULES_KEPT);
  return {
    store,
    current: (): Promise<SafetyRules> =>
      kept.read(
        'rules',
        '',
        async () => (await store.get()) ?? unsavedRules(rulesFromFeatures(features), new Date()),
      ),
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

/** Every router of tracking, all mounted at /api/tracking: the intakes, the live map's reads, alerts and rules. */
export function trackingRoutersFor(
  dependencies: PlatformDependencies,
  services: ReturnType<typeof trackingServicesFor> = trackingServicesFor(dependencies),
) {
  const { tracking, ais, alerts, rules } = services;
  const viewerOf = createViewerResolver(dependencies.verifier, bookedTripFor(dependencies));
  const requireRoleOrSession = createSessionFormGuard(
    dependencies.verifier,
    dependencies.requireRole,
    dependencies.config,
  );
  return [
    createTrackingRouter(tracking, dependencies.requireRole, ais),
    createLiveReadRouter(tracking, alerts, viewerOf),
    createSafetyRouter(
      alerts,
      rules,
      auditLogOf(dependencies),
      dependencies.requireRole,
      requireRoleOrSession,
    ),
  ].map((router) => ({ basePath: TRACKING_BASE_PATH, router }));
}

/** Who hears what on the live map's WebSocket (`/api/tracking/live`). */
export function trackingLiveRoutesFor(dependencies: PlatformDependencies) {
  const viewerOf = createViewerResolver(dependencies.verifier, bookedTripFor(dependencies));
  return [
    {
      path: `${TRACKING_BASE_PATH}/live`,
      resolve: async (request: Request) => topicsOf(await viewerOf(request)),
    },
  ];
}

export { trackingJobSchedule } from './job-schedule.js';
export { trackingJobsFor } from './jobs.js';

export { bookedTripFor };
