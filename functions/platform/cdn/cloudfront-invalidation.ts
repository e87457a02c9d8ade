/**
 * The CDN port on AWS: a CloudFront invalidation of the distribution in front of the site, with the timeouts and
 * the bounded retry of every AWS call (aws-client-options.ts). A retry sends the same CallerReference, so
 * CloudFront makes one invalidation of it, however many attempts reach it.
 */
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { awsClientOptions } from '../aws-client-options.js';
import type { CdnPort } from './port.js';

export interface CloudFrontInvalidationSettings {
  /** The distribution's id, e.g. `E2QWRUHAPOMQZL`. */
  distributionId: string;
  client?: CloudFrontClient;
}

export function createCloudFrontInvalidation({
  distributionId,
  client = new CloudFrontClient(awsClientOptions()),
}: CloudFrontInvalidationSettings): CdnPort {
  return {
    async invalidate({ paths, reference }) {
      const answer = await client.send(
        new CreateInvalidationCommand({
          DistributionId: distributionId,
          InvalidationBatch: {
            Paths: { Quantity: paths.length, Items: [...paths] },
            CallerReference: reference,
          },
        }),
      );
      return { id: answer.Invalidation?.Id ?? '' };
    },
  };
}
