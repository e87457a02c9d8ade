/** The messages port on AWS: e-mail through SES (v2 API), SMS through SNS, both sent from the function's role. */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { awsClientOptions } from '../aws-client-options.js';
import type { MessagesPort } from './port.js';

export interface AwsMessagesSettings {
  /** A verified SES identity, e.g. `Hạ Long Tourism <no-reply@tourism.halong.gov.vn>`. */
  fromAddress: string;
  ses?: SESv2Client;
  sns?: SNSClient;
}

export function createAwsMessages({
  fromAddress,
  ses = new SESv2Client(awsClientOptions()),
  sns = new SNSClient(awsClientOptions()),
}: AwsMessagesSettings): MessagesPort {
  return {
    async send(message) {
      if ('email' in message.to) {
        const answer = await ses.send(
          new SendEmailCommand({
            FromEmailAddress: fromAddress,
            Destination: { ToAddresses: [message.to.email] },
            Content: {
              Simple: {
                Subject: { Data: message.subject ?? '', Charset: 'UTF-8' },
                Body: {
                  Text: { Data: message.text, Charset: 'UTF-8' },
                  ...(message.html && { Html: { Data: message.html, Charset: 'UTF-8' } }),
                },
              },
            },
            EmailTags: [{ Name: 'kind', Value: message.kind }],
          }),
        );
        return { id: answer.MessageId ?? '' };
      }
      const answer = await sns.send(
        new PublishCommand({
          // SNS wants E.164: the digits and the leading plus only.
          PhoneNumber: message.to.phone.replaceAll(/[^\d+]/g, ''),
          Message: message.text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          },
        }),
      );
      return { id: answer.MessageId ?? '' };
    },
  };
}
