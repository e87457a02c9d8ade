/**
 * What the live updates send when the table changes: a boat's new latest position becomes a `boat` message for
 * the authority and its company, and — only while they follow it — one for the holders of each trip's tickets,
 * the boat as the REST read shows it to them (their trip's aboard count and clearance, no alerts); an alert raised
 * or changed becomes an `alert` message for the authority and the company. Locally the service calls this after
 * its own writes; on AWS the table's stream handler calls it for each change, so both send the same.
 */
import type { BoatPosition } from '../model.js';
import type { TrackingService } from '../service.js';
import { type Alert, type LiveMessage, liveTopics } from './model.js';

export interface LiveDelivery {
  topics: string[];
  message: LiveMessage;
}

export async function boatDeliveries(
  tracking: TrackingService,
  position: BoatPosition,
): Promise<LiveDelivery[]> {
  const [boat, followed] = await Promise.all([
    tracking.boatWith({ kind: 'authority' }, position),
    tracking.ticketViewsOf(position),
  ]);
  if (!boat) return [];
  return [
    {
      topics: [liveTopics.everything, liveTopics.operator(boat.operatorId)],
      message: { type: 'boat', boat },
    },
    ...followed.map(({ departureId, boat: seen }) => ({
      topics: [liveTopics.trip(departureId)],
      message: { type: 'boat' as const, boat: seen },
    })),
  ];
}

export function alertDeliveries(alert: Alert): LiveDelivery[] {
  return [
    {
      topics: [liveTopics.everything, liveTopics.operator(alert.operatorId)],
      message: { type: 'alert', alert },
    },
  ];
}

/** The live-updates port as this domain uses it (functions/platform/live-updates/port.ts). */
export interface LivePublisher {
  publish(topics: readonly string[], message: LiveMessage): Promise<unknown>;
}

export async function deliver(live: LivePublisher, deliveries: readonly LiveDelivery[]): Promise<void> {
  await Promise.all(deliveries.map(({ topics, message }) => live.publish(topics, message)));
}
