// The staff identity store: a Cognito user pool with one group per role and the web client that signs in.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** Roles a staff account can hold; the API's requireRole reads them from the `cognito:groups` claim. */
const staffGroups = [
  { name: 'admin', description: 'Platform administrators: every role, and account management.' },
  { name: 'manager', description: "City tourism managers: the dashboard, routes, fees and operators' data." },
  { name: 'curator', description: 'Museum curators: exhibits, 3D models and tours of the virtual museum.' },
  {
    name: 'operator',
    description: "Boat operators: their own company's boats and departures (custom:company_id).",
  },
] as const;

/** Staff accounts only: visitors never sign in, so nobody can sign up; admins create every account. */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Which boat company an operator works for; only admins may change it (see writeAttributes below).
        company_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    staffGroups.forEach((group, index) => {
      this.userPool.addGroup(`Group-${group.name}`, {
        groupName: group.name,
        description: group.description,
        // Lower precedence wins when a token needs one role (cognito:preferred_role): admin first.
        precedence: index,
      });
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      // The site signs in through the user pool API, not the hosted UI: no OAuth flows, no callback URLs.
      disableOAuth: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes('company_id'),
      // Without this list a signed-in operator could rewrite custom:company_id and act for another company.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL with TOTP only (no SMS): staff enrol an authenticator app from their account page. ' +
        'REQUIRED would block the first sign-in of accounts created by admins until the web client ' +
        'implements the MFA_SETUP challenge.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials tier: a few dozen admin-created staff accounts, no self sign-up and a 12-character ' +
        'password policy; Plus-tier threat protection is priced per user and not warranted yet.',
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}
