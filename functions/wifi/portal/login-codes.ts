/**
 * Logging in with a one-time code: the guest gives an e-mail address or a mobile number, the portal sends six
 * digits through the messages port, and the guest types them back within five minutes. The portal keeps
 * neither the code nor the address: the code as an HMAC under the portal's secret, the address as a keyed
 * hash (stable, so its limits hold across days and a data subject's request can still find their records).
 *
 * Limits (the reasons are in docs/decisions.md):
 * - a code takes 5 attempts, then it is spent;
 * - an address gets 3 codes per 15 minutes and 10 a day;
 * - a device (today's hash of its MAC) gets 5 codes an hour;
 * - an address on the internet (a hotspot's NAT: every guest there shares it) gets 120 codes an hour;
 * - wrong codes lock a device and an address out for longer and longer (attempt-limits.ts).
 * Guessing someone's code is then 50 tries a day against a million: one chance in 20,000.
 */

import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Language } from '../../platform/language.js';
import type { Limit } from '../../platform/rate-limit.js';

export const CODE_DIGITS = 6;
export const CODE_MINUTES = 5;
export const CODE_ATTEMPTS = 5;

export type CodeAddress = { channel: 'email'; email: string } | { channel: 'sms'; phone: string };

const Email = z.email().max(254);

/**
 * An e-mail address, or a mobile number (Vietnamese when written without a country code, e.g. 0912 345 678;
 * any country with its +code); null when it is neither.
 */
export async function readCodeAddress(input: string): Promise<CodeAddress | null> {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = Email.safeParse(trimmed.toLowerCase());
    return email.success ? { channel: 'email', email: email.data } : null;
  }
  if (!/^[+\d][\d\s().-]{6,20}$/.test(trimmed)) return null;
  const { readMobileNumber } = await import('./mobile-numbers.js');
  const phone = readMobileNumber(trimmed);
  return phone ? { channel: 'sms', phone } : null;
}

/** Where the code went, shown to the guest without revealing the address to someone looking over a shoulder. */
export function maskedAddress(address: CodeAddress): string {
  if (address.channel === 'sms') return `${address.phone.slice(0, 3)} ••• ${address.phone.slice(-3)}`;
  const [local = '', domain = ''] = address.email.split('@');
  return `${local.slice(0, 2)}•••@${domain}`;
}

export function addressHash(key: Uint8Array, address: CodeAddress): string {
  const value = address.channel === 'email' ? address.email : address.phone;
  return createHmac('sha256', key).update(`code-address:${value}`).digest('base64url').slice(0, 32);
}

/** A keyed hash of a client's internet address, so limits never store the address itself. */
export function networkHash(key: Uint8Array, address: string): string {
  return createHmac('sha256', key).update(`network:${address}`).digest('base64url').slice(0, 24);
}

export const codeLimits = {
  perAddress: (hash: string): Limit[] => [
    { bucket: `wifi-code-address#${hash}`, limit: 3, windowSeconds: 15 * 60 },
    { bucket: `wifi-code-address#${hash}`, limit: 10, windowSeconds: 86_400 },
  ],
  perDevice: (device: string): Limit => ({
    bucket: `wifi-code-device#${device}`,
    limit: 5,
    windowSeconds: 3600,
  }),
  perNetwork: (network: string): Limit => ({
    bucket: `wifi-code-network#${network}`,
    limit: 120,
    windowSeconds: 3600,
  }),
};

const codeHash = (key: Uint8Array, requestId: string, code: string) =>
  createHmac('sha256', key).update(`login-code:${requestId}:${code}`).digest('base64url');

export interface IssuedCode {
  /** Names this code in the page's form; random, so it says nothing. */
  requestId: string;
  /** The digits, for the message only. */
  code: string;
}

export type CodeCheck =
  | { outcome: 'accepted' }
  | { outcome: 'wrong'; attemptsLeft: number }
  /** Expired, used, out of attempts, or not this page's code. */
  | { outcome: 'spent' };

/**
 * The codes as stored (`WIFI#CODE#<requestId>`, deleted by TTL an hour after they expire), each bound to the
 * hotspot and to the login page (its nonce) it was asked from.
 */
export function createLoginCodes(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: Uint8Array,
  clock: () => Date,
) {
  const keyOf = (requestId: string) => ({ PK: `WIFI#CODE#${requestId}`, SK: 'CODE' });
  return {
    async issue(hotspotId: string, nonce: string, address: CodeAddress): Promise<IssuedCode> {
      const requestId = randomBytes(16).toString('base64url');
      const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
      const now = Math.floor(clock().getTime() / 1000);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keyOf(requestId),
            entity: 'WifiLoginCode',
            hotspotId,
            nonce,
            channel: address.channel,
            codeHash: codeHash(key, requestId, code),
            attempts: 0,
            validUntil: now + CODE_MINUTES * 60,
            expiresAt: now + CODE_MINUTES * 60 + 3600,
          },
        }),
      );
      return { requestId, code };
    },

    /**
     * One attempt at the code: counted first (so parallel guesses share the five), then compared in constant
     * time; a right code is spent by the same check, so it lets in once.
     */
    async check(hotspotId: string, nonce: string, requestId: string, code: string): Promise<CodeCheck> {
      const now = Math.floor(clock().getTime() / 1000);
      let stored: Record<string, unknown>;
      try {
        const answer = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(requestId),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression:
              'attribute_exists(PK) AND hotspotId = :hotspot AND nonce = :nonce AND attempts < :max AND validUntil >= :now AND attribute_not_exists(usedAt)',
            ExpressionAttributeValues: {
              ':one': 1,
              ':hotspot': hotspotId,
              ':nonce': nonce,
              ':max': CODE_ATTEMPTS,
              ':now': now,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        stored = answer.Attributes ?? {};
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { outcome: 'spent' };
        throw error;
      }
      const expected = Buffer.from(String(stored.codeHash));
      const given = Buffer.from(codeHash(key, requestId, code));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return { outcome: 'wrong', attemptsLeft: Math.max(0, CODE_ATTEMPTS - Number(stored.attempts)) };
      }
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(requestId),
            UpdateExpression: 'SET usedAt = :now',
            ConditionExpression: 'attribute_not_exists(usedAt)',
            ExpressionAttributeValues: { ':now': now },
          }),
        );
        return { outcome: 'accepted' };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { outcome: 'spent' };
        throw error;
      }
    },
  };
}

export type LoginCodes = ReturnType<typeof createLoginCodes>;

/**
 * The message carrying the code, in the guest's language. The SMS is one plain-ASCII segment (as Vietnamese
 * one-time-code SMS are written: diacritics would switch it to UCS-2 and two segments); the e-mail is written out.
 */
export function codeMessage(
  language: Language,
  channel: CodeAddress['channel'],
  code: string,
  hotspotName: string,
) {
  if (channel === 'sms') {
    return {
      text:
        language === 'vi'
          ? `Ma dang nhap Wi-Fi Ha Long: ${code}. Hieu luc ${CODE_MINUTES} phut. Khong chia se ma nay.`
          : `Ha Long Wi-Fi login code: ${code}. Valid ${CODE_MINUTES} minutes. Do not share it.`,
    };
  }
  return language === 'vi'
    ? {
        subject: `Mã đăng nhập Wi-Fi Hạ Long: ${code}`,
        text: `${code} là mã đăng nhập Wi-Fi miễn phí Hạ Long tại ${hotspotName}, hiệu lực ${CODE_MINUTES} phút.\n\nKhông chia sẻ mã này với ai. Nếu bạn không yêu cầu mã, hãy bỏ qua thư này.`,
      }
    : {
        subject: `Hạ Long Wi-Fi login code: ${code}`,
        text: `${code} is your Hạ Long free Wi-Fi login code at ${hotspotName}, valid for ${CODE_MINUTES} minutes.\n\nDo not share it with anyone. If you did not ask for it, ignore this e-mail.`,
      };
}
