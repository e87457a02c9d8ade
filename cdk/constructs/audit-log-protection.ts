// Table writes for a function, with the audit log (functions/platform/audit/log.ts) out of its reach to change.
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AUDIT_PARTITION_PREFIX } from '../../functions/platform/audit/keys.js';

/**
 * Every way an existing item can be changed or removed. A TransactWriteItems is authorised action by action
 * (its Update and Delete as UpdateItem and DeleteItem), so it needs no entry of its own; a PartiQL batch or
 * transaction is authorised as its PartiQL statements. `grantReadWriteData` grants no PartiQL today; denied all
 * the same, so that a later grant of it cannot open the log.
 */
export const AUDIT_LOG_EDIT_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
];

/**
 * Lets `grantee` read and write the table as `grantReadWriteData` does, and denies it, explicitly (so no other
 * grant can undo it), every edit of an item whose partition is the audit log's (`AUDIT#…`). What IAM cannot
 * express: a PutItem's condition. Recording an entry is a PutItem, so PutItem on `AUDIT#` stays allowed, and IAM
 * has no condition key that could require its `attribute_not_exists(PK)`; that condition, in the log's code, is
 * what stops a new entry from overwriting an old one (PartiQL's INSERT, for its part, never overwrites). The
 * table's point-in-time recovery keeps 35 days of its history (and its stream, for 24 hours, the old image of
 * any overwrite) for whoever must prove what an entry said.
 */
export function grantTableReadWrite(table: ITableV2, grantee: IGrantable): void {
  table.grantReadWriteData(grantee);
  const denied = grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'AuditLogIsAppendOnly',
      effect: Effect.DENY,
      actions: AUDIT_LOG_EDIT_ACTIONS,
      resources: [table.tableArn],
      conditions: {
        'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PARTITION_PREFIX}*`] },
      },
    }),
  );
  if (!denied.statementAdded) {
    throw new Error('The grantee has no policy of its own to deny audit log edits in; grant it otherwise.');
  }
}
