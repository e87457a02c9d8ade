/**
 * What the portal writes: each login used once (its nonce claimed with a condition, so a replayed form lets
 * nobody in twice), the guest's consent as Decree 13/2023 asks it to be recorded (what was accepted, when,
 * where, by which device hash — never the MAC), and for openNDS level 3 the grants waiting for authmon.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../../platform/dynamo.js';
import type { Language } from '../../platform/language.js';
import { localDateAt } from '../../platform/local-time.js';
import type { AuthmonGrant } from '../gateways/opennds.js';

/** How long consent records are kept: the retention period of the portal's personal data. */
export const CONSENT_RETENTION_DAYS = 365;
/** A grant authmon has not collected within this time is dropped (the guest has long given up). */
const AUTHMON_GRANT_MINUTES = 15;

export interface ConsentRecord {
  hotspotId: string;
  method: 'terms' | 'code' | 'booking';
  termsVersion: string;
  language: Language;
  deviceHash: string;
  at: string;
  /** Consent to personal data being used: the address a code was sent to, kept only as a keyed hash. */
  personalData?: { channel: 'email' | 'sms'; addressHash: string };
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function createPortalStore(db: DynamoDBDocumentClient, tableName: string) {
  const authmonPartition = (hotspotId: string, gatewayhash: string) =>
    `WIFI#AUTHMON#${hotspotId}#${gatewayhash}`;
  return {
    /** False when this login was used already. */
    async claimLogin(nonce: string, expiresAt: number): Promise<boolean> {
      const item = {
        PK: `WIFI#LOGIN#${nonce}`,
        SK: 'LOGIN',
        entity: 'WifiLogin',
        expiresAt: expiresAt + 3600,
      };
      return putWhen(db, tableName, item, 'absent');
    },

    /**
     * Counts a session of a device (by its daily hash) at a hotspot today (local day); null, and nothing counted,
     * when the device has had its `limit` already, else how many it has had with this one. The condition and the
     * count are one write, so two phones racing with the same MAC cannot both pass the limit.
     */
    async countDeviceSession(
      hotspotId: string,
      device: string,
      limit: number,
      now: Date,
    ): Promise<number | null> {
      try {
        const answer = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: `WIFI#DEVICE#${localDateAt(now)}`, SK: `${hotspotId}#${device}` },
            UpdateExpression: 'ADD sessions :one SET entity = :entity, expiresAt = :expiresAt',
            ConditionExpression: 'attribute_not_exists(sessions) OR sessions < :limit',
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':entity': 'WifiDeviceDay',
              ':expiresAt': epochSeconds(now) + 2 * 86_400,
            },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(answer.Attributes?.sessions ?? 1);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return null;
        throw error;
      }
    },

    /** Notes a device's session anywhere in the city today; true when it is its first (for unique devices). */
    async firstInCityToday(device: string, now: Date): Promise<boolean> {
      const answer = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: `WIFI#DEVICE#${localDateAt(now)}`, SK: `CITY#${device}` },
          UpdateExpression: 'ADD sessions :one SET entity = :entity, expiresAt = :expiresAt',
          ExpressionAttributeValues: {
            ':one': 1,
            ':entity': 'WifiDeviceDay',
            ':expiresAt': epochSeconds(now) + 2 * 86_400,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(answer.Attributes?.sessions) === 1;
    },

    async recordConsent(consent: ConsentRecord, nonce: string): Promise<void> {
      const at = new Date(consent.at);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            PK: `WIFI#CONSENT#${consent.at.slice(0, 10)}`,
            SK: `${consent.at}#${nonce}`,
            entity: 'WifiConsent',
            ...consent,
            expiresAt: epochSeconds(at) + CONSENT_RETENTION_DAYS * 86_400,
          },
        }),
      );
    },

    async addAuthmonGrant(
      hotspotId: string,
      gatewayhash: string,
      grant: AuthmonGrant,
      now: Date,
    ): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            PK: authmonPartition(hotspotId, gatewayhash),
            SK: `GRANT#${grant.rhid}`,
            entity: 'WifiAuthmonGrant',
            grant,
            expiresAt: epochSeconds(now) + AUTHMON_GRANT_MINUTES * 60,
          },
        }),
      );
    },

    /** The grants waiting for this gateway (expired ones left out: TTL deletes them in its own time). */
    async waitingGrants(hotspotId: string, gatewayhash: string, now: Date): Promise<AuthmonGrant[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :gateway',
        ExpressionAttributeValues: { ':gateway': authmonPartition(hotspotId, gatewayhash) },
      });
      return items
        .filter((item) => (item.expiresAt as number) > epochSeconds(now))
        .map((item) => item.grant as AuthmonGrant);
    },

    async removeGrants(hotspotId: string, gatewayhash: string, rhids: string[]): Promise<void> {
      await Promise.all(
        rhids.map((rhid) =>
          db.send(
            new DeleteCommand({
              TableName: tableName,
              Key: { PK: authmonPartition(hotspotId, gatewayhash), SK: `GRANT#${rhid}` },
            }),
          ),
        ),
      );
    },
  };
}

export type PortalStore = ReturnType<typeof createPortalStore>;
