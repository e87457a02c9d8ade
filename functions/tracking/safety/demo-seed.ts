/**
 * The demo's duty contact: `npm start` saves the rules once with one duty officer, clearly labelled as demo data
 * and reachable only on reserved test addresses, so that the outbox shows what the authority is sent for each alert
 * out of the box. Rules saved already (a manager's contacts among them) are never touched.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import features from '../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { rulesFromFeatures, unsavedRules } from './default-rules.js';
import type { DutyContact, SafetyRules } from './model.js';
import { createRulesStore, type RulesStore } from './rules-store.js';

/** GENERATED DEMO DATA: not a real person; the phone number is invented, the address on the reserved .example domain. */
export const DEMO_DUTY_CONTACT: DutyContact = {
  name: 'Trực ban Cảng vụ (demo) · Authority duty officer (demo, not a real contact)',
  phone: '+84 203 000 0911',
  email: 'duty-officer@authority.example',
};

/** Saves `defaults` with the demo duty contact as the rules' first version; 1 when saved, 0 when rules exist. */
export async function seedDemoDutyContact(
  store: Pick<RulesStore, 'get' | 'put'>,
  defaults: SafetyRules,
  at: Date,
): Promise<number> {
  if (await store.get()) return 0;
  const saved = await store.put({
    ...defaults,
    dutyContacts: [DEMO_DUTY_CONTACT],
    version: 1,
    updatedAt: at.toISOString(),
    updatedBy: 'seed',
  });
  return saved ? 1 : 0;
}

/** The demo duty contact in the table's rules, over the defaults drawn from the bay's map features (npm start). */
export function seedDemoDutyContactIn(db: DynamoDBDocumentClient, tableName: string, at = new Date()) {
  return seedDemoDutyContact(
    createRulesStore(db, tableName),
    unsavedRules(rulesFromFeatures(features), at),
    at,
  );
}
