/**
 * The messages port: e-mail and SMS to people outside the platform (booking confirmations, one-time codes).
 * Locally every message goes to an outbox in the table that staff read at /api/outbox (outbox.ts); on AWS
 * e-mail goes through SES and SMS through SNS (aws-messages.ts).
 */

export interface OutgoingMessage {
  /** What the message is, for the outbox and the logs, e.g. `booking-confirmation`. */
  kind: string;
  to: { email: string } | { phone: string };
  /** The e-mail subject (SMS have none). */
  subject?: string;
  text: string;
  html?: string;
  /** What the message is about (a booking reference), for finding it again; never personal data. */
  reference?: string;
}

export interface MessagesPort {
  /** Sends or queues the message; resolves with the provider's id for it. */
  send(message: OutgoingMessage): Promise<{ id: string }>;
}
