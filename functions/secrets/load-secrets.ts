// Reads the three secrets once at cold start: from the environment locally, from Secrets Manager in AWS.
import { createHash } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RuntimeConfig } from '../config.js';

export interface LineSecrets {
  readonly twilioAuthToken: string;
  readonly callerKeyPepper: string;
  readonly sessionKeyHex: string;
}

export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

export async function loadSecrets(
  config: RuntimeConfig,
  client?: SecretsManagerClient,
): Promise<LineSecrets> {
  const manager = client ?? new SecretsManagerClient({ region: config.AWS_REGION, maxAttempts: 3 });
  const read = async (value: string | undefined, arn: string | undefined, name: string): Promise<string> => {
    if (value) return value;
    if (!arn) throw new SecretsError(`${name}: neither the value nor its secret ARN is set`);
    const { SecretString } = await manager.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!SecretString) throw new SecretsError(`${name}: the secret has no string value`);
    return SecretString.trim();
  };
  const [twilioAuthToken, callerKeyPepper, sessionKeyHex] = await Promise.all([
    read(config.TWILIO_AUTH_TOKEN, config.TWILIO_AUTH_TOKEN_SECRET_ARN, 'TWILIO_AUTH_TOKEN'),
    read(config.CALLER_KEY_PEPPER, config.CALLER_KEY_PEPPER_SECRET_ARN, 'CALLER_KEY_PEPPER'),
    read(config.SESSION_KEY, config.SESSION_KEY_SECRET_ARN, 'SESSION_KEY'),
  ]);
  return { twilioAuthToken, callerKeyPepper, sessionKeyHex: sessionKeyFrom(sessionKeyHex) };
}

/**
 * The AES-256 key as 64 hex digits. A secret that already is one is used as it is. Any other string
 * (a generated password, a passphrase an operator pasted in) is stretched to 32 bytes with SHA-256:
 * a high-entropy secret loses nothing by it, and it beats refusing to start and leaving the line down.
 * The same string always derives the same key, so sealed numbers stay readable across cold starts.
 */
export function sessionKeyFrom(secret: string): string {
  if (/^[0-9a-f]{64}$/i.test(secret)) return secret.toLowerCase();
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
