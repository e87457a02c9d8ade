// The schedules port on AWS: one EventBridge Scheduler schedule per job of a domain, invoking the domain's jobs
// function with `{ "job": name }`; runs that fail after retries land in a dead-letter queue.
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JobSchedule } from '../../functions/platform/schedules/port.js';

export interface ScheduledJobsProps {
  /** The function running the jobs (functions/platform/schedules/lambda-jobs.ts). */
  readonly function: IFunction;
  readonly jobs: readonly JobSchedule[];
}

const pascalCase = (name: string) =>
  name.replaceAll(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

export class ScheduledJobs extends Construct {
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the schedules.',
    });

    // One role for the schedules of this function, allowed to invoke it and to write to the dead-letter queue.
    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler: invoke the jobs function',
    });

    for (const job of props.jobs) {
      new Schedule(this, pascalCase(job.name), {
        description: job.description,
        schedule: job.dailyAt
          ? ScheduleExpression.cron({
              minute: String(job.dailyAt.minute),
              hour: String(job.dailyAt.hour),
              timeZone: TimeZone.ASIA_HO_CHI_MINH,
            })
          : ScheduleExpression.rate(Duration.minutes(job.everyMinutes)),
        target: new LambdaInvoke(props.function, {
          input: ScheduleTargetInput.fromObject({ job: job.name }),
          deadLetterQueue: this.deadLetters,
          role,
          retryAttempts: 2,
          // A run older than its interval is superseded by the next one.
          maxEventAge: Duration.minutes(Math.max(1, job.everyMinutes)),
        }),
      });
    }
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.function.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason:
        'The scheduler target grants lambda:InvokeFunction on the jobs function and its versions and aliases ' +
        '(function ARN + ":*"); it reaches no other function.',
    });
  }
}
