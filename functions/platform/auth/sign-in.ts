/**
 * The identity port's sign-in: e-mail and password in, an ID token out. Locally the built-in issuer and its
 * demo accounts; on AWS Cognito's USER_PASSWORD_AUTH flow (cognito-sign-in.ts). The site keeps the token in
 * an HttpOnly cookie for staff pages.
 */
import type { AccountsStore } from './accounts.js';
import type { LocalIssuer } from './local-issuer.js';

export type SignInOutcome =
  | { kind: 'signed-in'; idToken: string; expiresIn: number }
  | { kind: 'refused' }
  /** The account must first do something this sign-in cannot (set a new password, answer MFA). */
  | { kind: 'challenge'; challenge: string };

export interface StaffSignIn {
  signIn(email: string, password: string): Promise<SignInOutcome>;
}

export function createLocalSignIn(
  issuer: LocalIssuer,
  accounts: AccountsStore,
  expiresIn: number,
): StaffSignIn {
  return {
    async signIn(email, password) {
      const account = await accounts.authenticate(email, password);
      if (!account) return { kind: 'refused' };
      return { kind: 'signed-in', idToken: await issuer.issueIdToken(account), expiresIn };
    },
  };
}
