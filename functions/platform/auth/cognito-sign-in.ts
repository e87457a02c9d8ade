/** The identity port's sign-in on AWS: Cognito's USER_PASSWORD_AUTH flow on the staff app client. */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsClientOptions } from '../aws-client-options.js';
import type { StaffSignIn } from './sign-in.js';

export function createCognitoSignIn(
  clientId: string,
  client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient(awsClientOptions()),
): StaffSignIn {
  return {
    async signIn(email, password) {
      try {
        const answer = await client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: clientId,
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        );
        if (answer.ChallengeName) return { kind: 'challenge', challenge: answer.ChallengeName };
        const idToken = answer.AuthenticationResult?.IdToken;
        if (!idToken) return { kind: 'refused' };
        return { kind: 'signed-in', idToken, expiresIn: answer.AuthenticationResult?.ExpiresIn ?? 3600 };
      } catch (error) {
        // Wrong password and unknown user get the same answer (Cognito's user-existence protection agrees).
        if (error instanceof NotAuthorizedException || error instanceof UserNotFoundException) {
          return { kind: 'refused' };
        }
        throw error;
      }
    },
  };
}
