/**
 * Raising, telling and closing safety alerts. A rule's finding becomes an alert once per boat and kind until a
 * person resolves it; each new alert goes out through the messages port to the authority's duty contacts and
 * the boat's company, and live to the console. Acknowledging and resolving take a note, are recorded in the
 * audit log, and are refused for an alert already past that state.
 */
import { randomBytes } from 'node:crypto';
import type { AuditLog, AuditRecord } from '../../platform/audit/log.js';
import { localDateAt } from '../../platform/local-time.js';
import type { Logger } from '../../platform/logger.js';
import type { MessagesPort, OutgoingMessage } from '../../platform/messages/port.js';
import { createReadCache } from '../../platform/read-cache.js';
import type { Viewer } from '../live/board.js';
import { mayView } from '../live/board.js';
import type { Alert, AlertKind, AlertState } from '../live/model.js';
import type { AlertsStore } from './alerts-store.js';
import { newAlertId } from './alerts-store.js';
import type { SafetyRules } from './model.js';
import type { Finding } from './rules.js';

/** After a person resolves an alert, the same rule on the same boat stays quiet this long. */
export const RESOLVED_QUIET_MINUTES = 15;
/** How long the boats' unresolved alerts are taken as known before a finding tries to raise one again. */
const KNOWN_ALERTS_KEPT_MS = 5_000;

export class AlertNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`There is no alert ${id}.`);
    this.name = 'AlertNotFoundError';
  }
}

export class AlertStateError extends Error {
  constructor(
    readonly alert: Alert,
    action: 'acknowledge' | 'resolve',
  ) {
    super(
      `Alert ${alert.id} is ${alert.state}: it cannot be ${action === 'acknowledge' ? 'acknowledged' : 'resolved'}.`,
    );
    this.name = 'AlertStateError';
  }
}

/** What an alert says of its boat. */
export interface AlertSubject {
  boatId: string;
  boatName: string;
  registrationNumber: string;
  operatorId: string;
  /** The boat's company's phone and, when it has one, e-mail: told of every alert of its boats. */
  operatorPhone: string | null;
  operatorEmail: string | null;
  certifiedCapacity: number;
  departureId: string | null;
  aboard: number | null;
}

export interface AlertsDependencies {
  store: AlertsStore;
  rules: () => Promise<SafetyRules>;
  messages: MessagesPort | null;
  audit: AuditLog;
  /** Where the live updates go (locally published at once; on AWS the table's stream does it). */
  changed: (alert: Alert) => Promise<void>;
  logger: Logger;
  clock?: () => Date;
}

export function createAlertsService({
  store,
  rules,
  messages,
  audit,
  changed,
  logger,
  clock = () => new Date(),
}: AlertsDependencies) {
  let known: { at: number; keys: Promise<Map<string, Alert>> } | null = null;
  const kept = createReadCache({ ttlMilliseconds: 2_000, maxEntries: 1 });
  const forget = () => {
    known = null;
    kept.forget(['current']);
  };
  const keyOf = (boatId: string, kind: AlertKind) => `${boatId}\u0000${kind}`;
  /** The boats' unresolved alerts by boat and kind, read every few seconds rather than tried on every position. */
  const knownUnresolved = () => {
    const now = clock().getTime();
    if (!known || now - known.at > KNOWN_ALERTS_KEPT_MS) {
      const keys = store
        .listCurrent()
        .then(
          (alerts) =>
            new Map(
              alerts
                .filter((alert) => alert.state !== 'resolved')
                .map((alert) => [keyOf(alert.boatId, alert.kind), alert] as const),
            ),
        );
      const current = { at: now, keys };
      known = current;
      keys.catch(() => {
        if (known === current) known = null;
      });
    }
    return known.keys;
  };

  async function notify(alert: Alert, subject: AlertSubject): Promise<void> {
    const { dutyContacts } = await rules();
    // The messages' wording loads with the first alert raised: the reads' function never raises one.
    const { alertText } = await import('./alert-text.js');
    const { subject: title, text } = alertText(alert);
    const recipients: OutgoingMessage['to'][] = [
      ...dutyContacts.flatMap((contact) => [
        ...(contact.phone ? [{ phone: contact.phone }] : []),
        ...(contact.email ? [{ email: contact.email }] : []),
      ]),
      ...(subject.operatorPhone ? [{ phone: subject.operatorPhone }] : []),
      ...(subject.operatorEmail ? [{ email: subject.operatorEmail }] : []),
    ];
    if (!messages) {
      logger.warn('tracking alert not sent: no messages port here', {
        alert: alert.id,
        recipients: recipients.length,
      });
      return;
    }
    const sent = await Promise.allSettled(
      recipients.map((to) =>
        messages.send({
          kind: `tracking-alert-${alert.kind}`,
          to,
          subject: title,
          text,
          reference: alert.id,
        }),
      ),
    );
    const failed = sent.filter((outcome) => outcome.status === 'rejected').length;
    if (failed > 0)
      logger.error('tracking alert messages failed', { alert: alert.id, failed, of: sent.length });
  }

  async function changeState(
    id: string,
    viewer: Viewer,
    action: 'acknowledge' | 'resolve',
    note: string,
    record: Omit<AuditRecord, 'action' | 'resource' | 'detail'>,
  ): Promise<Alert> {
    const alert = await store.get(id);
    if (!alert || viewer.kind === 'ticket' || !mayView(viewer, alert)) throw new AlertNotFoundError(id);
    const expected: AlertState[] = action === 'acknowledge' ? ['open'] : ['open', 'acknowledged'];
    if (!expected.includes(alert.state)) throw new AlertStateError(alert, action);
    const stamp = { at: clock().toISOString(), by: record.actor.email ?? record.actor.subject, note };
    const next: Alert =
      action === 'acknowledge'
        ? { ...alert, state: 'acknowledged', acknowledged: stamp }
        : { ...alert, state: 'resolved', resolved: stamp };
    if (!(await store.update(next, expected))) {
      const now = (await store.get(id)) ?? alert;
      throw new AlertStateError(now, action);
    }
    forget();
    await audit.record({
      ...record,
      action: `tracking-alert.${action}`,
      resource: { type: 'alert', id },
      detail: { kind: alert.kind, boat: alert.boatId, note: note.slice(0, 200) },
    });
    await changed(next);
    return next;
  }

  return {
    /**
     * Raises an alert for each finding its boat has none of yet, and raises again an unresolved one whose
     * condition had ended (a boat heard again, then silent again before anyone resolved it): the same alert,
     * its condition current, its reason and position new, told again. Returns those raised.
     */
    async raise(
      subject: AlertSubject,
      findings: readonly Finding[],
      position: Alert['position'],
    ): Promise<Alert[]> {
      if (findings.length === 0) return [];
      const unresolved = await knownUnresolved();
      const raised: Alert[] = [];
      for (const finding of findings) {
        const key = keyOf(subject.boatId, finding.kind);
        const existing = unresolved.get(key);
        if (existing && !existing.conditionEndedAt) continue;
        if (existing) {
          const again: Alert = { ...existing, reason: finding.reason, position, conditionEndedAt: null };
          if (!(await store.update(again, [existing.state]))) {
            forget();
            continue;
          }
          unresolved.set(key, again);
          kept.forget(['current']);
          raised.push(again);
          logger.warn('tracking alert raised again', {
            alert: again.id,
            kind: again.kind,
            boat: again.boatId,
          });
          await Promise.all([notify(again, subject), changed(again)]);
          continue;
        }
        const now = clock();
        const alert: Alert = {
          id: newAlertId(now, () => randomBytes(8).toString('hex').slice(0, 10)),
          kind: finding.kind,
          state: 'open',
          boatId: subject.boatId,
          boatName: subject.boatName,
          operatorId: subject.operatorId,
          departureId: subject.departureId,
          reason: finding.reason,
          raisedAt: now.toISOString(),
          position,
          aboard:
            subject.aboard === null
              ? null
              : { count: subject.aboard, certifiedCapacity: subject.certifiedCapacity },
          acknowledged: null,
          resolved: null,
          conditionEndedAt: null,
        };
        const quietSince = new Date(now.getTime() - RESOLVED_QUIET_MINUTES * 60_000);
        if (!(await store.raise(alert, quietSince))) continue;
        unresolved.set(key, alert);
        kept.forget(['current']);
        raised.push(alert);
        logger.warn('tracking alert raised', { alert: alert.id, kind: alert.kind, boat: alert.boatId });
        await Promise.all([notify(alert, subject), changed(alert)]);
      }
      return raised;
    },

    /** Notes that what raised the boat's current alert of `kind` has stopped (the signal is back). */
    async conditionEnded(alert: Alert, at: Date): Promise<Alert | null> {
      if (alert.state === 'resolved' || alert.conditionEndedAt) return null;
      const next = { ...alert, conditionEndedAt: at.toISOString() };
      if (!(await store.update(next, [alert.state]))) return null;
      forget();
      await changed(next);
      return next;
    },

    /** The unresolved alerts the viewer may see, newest first. */
    async listUnresolved(viewer: Viewer): Promise<Alert[]> {
      if (viewer.kind === 'ticket') return [];
      const alerts = await store.listCurrent();
      return alerts
        .filter((alert) => alert.state !== 'resolved' && mayView(viewer, alert))
        .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
    },

    /** The alerts raised on a local day that the viewer may see, newest first. */
    async listDay(viewer: Viewer, localDate: string = localDateAt(clock())): Promise<Alert[]> {
      if (viewer.kind === 'ticket') return [];
      return (await store.listDay(localDate)).filter((alert) => mayView(viewer, alert));
    },

    /**
     * Every current alert, resolved ones included: what the live map and the signal check join. Kept 2 seconds
     * (each position's live update joins them), and forgotten at once when this process changes one.
     */
    listCurrent: () => kept.read('current', '', () => store.listCurrent()),

    acknowledge: (
      id: string,
      viewer: Viewer,
      note: string,
      record: Omit<AuditRecord, 'action' | 'resource' | 'detail'>,
    ) => changeState(id, viewer, 'acknowledge', note, record),

    resolve: (
      id: string,
      viewer: Viewer,
      note: string,
      record: Omit<AuditRecord, 'action' | 'resource' | 'detail'>,
    ) => changeState(id, viewer, 'resolve', note, record),
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
