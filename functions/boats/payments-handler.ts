/**
 * AWS Lambda entry point of the payment routes (checkout, cancellation with refunds, Stripe's webhook, ticket
 * keys): the only function that talks to Stripe, signs tickets (KMS) and sends confirmations (SES).
 * Until the Stripe keys are put in their secret it answers 503.
 */
import { handle } from 'hono/aws-lambda';
import { ConfigurationError, loadConfig, requiredVariable } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { createStripePayments, type StripeSettings } from '../platform/payments/stripe.js';
import { readStripeSecret } from '../platform/payments/stripe-secret.js';
import { ProblemError } from '../platform/problem.js';
import { createKmsSigner } from '../platform/signing/kms-signer.js';
import { paymentRoutersFor } from './bookings-assembly.js';

const config = loadConfig();
const dependencies = createCloudDependencies(config);
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: config.maxBodyBytes });

async function stripeSettings(): Promise<StripeSettings> {
  if (config.stripe) return config.stripe;
  const secretId = process.env.STRIPE_SECRET_ARN;
  if (!secretId) throw new ConfigurationError('STRIPE_SECRET_ARN (or STRIPE_SECRET_KEY) must be set.');
  return { ...(await readStripeSecret(secretId, config.region)), apiBase: undefined };
}

try {
  const ports = {
    payments: createStripePayments(await stripeSettings()),
    signer: createKmsSigner(requiredVariable('TICKET_SIGNING_KEY_ID')),
    messages: createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') }),
  };
  for (const { basePath, router } of paymentRoutersFor({ ...dependencies, ...ports }, ports)) {
    app.route(basePath, router);
  }
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  dependencies.logger.error('payments are not configured', { reason: error.message });
  app.all('*', () => {
    throw new ProblemError(
      503,
      'payment-provider-error',
      'Online payment is not available yet; please try later.',
    );
  });
}

export const handler = handle(app);
