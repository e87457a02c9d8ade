// Nobody edits the audit log: every function role the app lets write the table is denied changing or removing an
// item of an AUDIT# partition, and still allowed to record one (a PutItem).
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { afterAll, describe, expect, it } from 'vitest';
import type { DomainFunction } from '../../cdk/constructs/domain-function.js';
import { synthesizePlatform } from './synthesize-platform.js';

const platform = synthesizePlatform();
afterAll(() => platform.dispose());

const { stacks } = platform;

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};
type PolicyResource = { Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } } };

const actionsOf = (statement: Statement) => [statement.Action].flat();
const resourcesOf = (statement: Statement) => [statement.Resource].flat();

/** Every IAM statement attached to each role of `stack`, by the role's logical id. */
function statementsByRole(stack: Stack): Map<string, Statement[]> {
  const byRole = new Map<string, Statement[]>();
  const policies = Object.values(
    Template.fromStack(stack).findResources('AWS::IAM::Policy'),
  ) as PolicyResource[];
  for (const { Properties } of policies) {
    for (const role of Properties.Roles) {
      const roleId = (role as { Ref?: string }).Ref;
      if (!roleId) continue;
      byRole.set(roleId, [...(byRole.get(roleId) ?? []), ...Properties.PolicyDocument.Statement]);
    }
  }
  return byRole;
}

/** The logical id of the role of `domainFunction` in `stack`. */
function roleOf(stack: Stack, domainFunction: DomainFunction): string {
  return stack.getLogicalId(domainFunction.function.role?.node.defaultChild as CfnRole);
}

const writers = [stacks.api, stacks.web].flatMap((stack) =>
  [...statementsByRole(stack)].flatMap(([roleId, statements]) => {
    const grant = statements.find(
      (statement) => statement.Effect === 'Allow' && actionsOf(statement).includes('dynamodb:UpdateItem'),
    );
    return grant ? [{ stack: stack.stackName, roleId, grant, statements }] : [];
  }),
);

describe('the audit log’s protection', () => {
  it('finds every function that writes the table (the test would pass on none otherwise)', () => {
    const expected = [
      ...['Boats', 'Payments', 'BoatsJobs', 'Museum', 'Wifi', 'InsightsJobs'].map((id) =>
        roleOf(stacks.api, stacks.api.node.findChild(id) as DomainFunction),
      ),
      roleOf(stacks.web, stacks.web.siteFunction),
    ];
    expect(writers.map((writer) => writer.roleId)).toEqual(expect.arrayContaining(expected));
  });

  it.each(writers.map((writer) => [`${writer.stack} ${writer.roleId}`, writer] as const))(
    'denies %s updating, deleting or batch-writing an AUDIT# item, by any API',
    (_, { grant, statements }) => {
      const deny = statements.find((statement) => statement.Effect === 'Deny');
      expect(actionsOf(deny as Statement).sort()).toEqual(
        [
          'dynamodb:BatchWriteItem',
          'dynamodb:DeleteItem',
          'dynamodb:PartiQLDelete',
          'dynamodb:PartiQLUpdate',
          'dynamodb:UpdateItem',
        ].sort(),
      );
      expect(deny?.Condition).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } });
      // On the very table the writes are granted on.
      expect(resourcesOf(grant)).toContainEqual(deny?.Resource);
    },
  );

  it.each(writers.map((writer) => [`${writer.stack} ${writer.roleId}`, writer] as const))(
    'still lets %s record an entry (PutItem) and read the log',
    (_, { grant, statements }) => {
      const denied = statements.filter((statement) => statement.Effect === 'Deny').flatMap(actionsOf);
      for (const action of ['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:GetItem']) {
        expect(denied).not.toContain(action);
        expect(actionsOf(grant)).toContain(action);
      }
    },
  );
});
