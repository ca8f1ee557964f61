// Secrets at cold start: values from the environment when given, else one parallel read of each ARN.
import { createHash } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../../../functions/config.js';
import { parseRuntimeConfig } from '../../../functions/config.js';
import { loadSecrets, SecretsError, sessionKeyFrom } from '../../../functions/secrets/load-secrets.js';

const HEX_KEY = '0123456789abcdef'.repeat(4);
const ARNS = {
  token: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:twilio-token',
  pepper: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:caller-pepper',
  session: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:session-key',
};

function configWith(secrets: Record<string, string>): RuntimeConfig {
  return parseRuntimeConfig({
    PUBLIC_BASE_URL: 'https://line.example.org',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TABLE_NAME: 'warmline',
    EVENT_BUS_NAME: 'warmline',
    LINE_NUMBER: '+15550001111',
    CLINICIAN_NUMBER: '+15550002222',
    ...secrets,
  });
}

const fromArns = () =>
  configWith({
    TWILIO_AUTH_TOKEN_SECRET_ARN: ARNS.token,
    CALLER_KEY_PEPPER_SECRET_ARN: ARNS.pepper,
    SESSION_KEY_SECRET_ARN: ARNS.session,
  });

describe('loadSecrets', () => {
  const secretsManager = mockClient(SecretsManagerClient);
  afterEach(() => secretsManager.reset());

  it('uses the values in the configuration without reading Secrets Manager', async () => {
    const config = configWith({
      TWILIO_AUTH_TOKEN: 'token-from-env',
      CALLER_KEY_PEPPER: 'pepper-from-env-0123',
      SESSION_KEY: HEX_KEY,
    });

    const secrets = await loadSecrets(config, new SecretsManagerClient({ region: 'us-east-1' }));

    expect(secrets).toEqual({
      twilioAuthToken: 'token-from-env',
      callerKeyPepper: 'pepper-from-env-0123',
      sessionKeyHex: HEX_KEY,
    });
    expect(secretsManager.calls()).toHaveLength(0);
  });

  it('reads each secret by its ARN once, all three at the same time', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const values: Record<string, string> = {
      [ARNS.token]: 'token\n',
      [ARNS.pepper]: 'pepper-from-secret',
      [ARNS.session]: HEX_KEY,
    };
    secretsManager.on(GetSecretValueCommand).callsFake(async (input: { SecretId: string }) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      return { SecretString: values[input.SecretId] };
    });

    const secrets = await loadSecrets(fromArns(), new SecretsManagerClient({ region: 'us-east-1' }));

    expect(secrets).toEqual({
      twilioAuthToken: 'token',
      callerKeyPepper: 'pepper-from-secret',
      sessionKeyHex: HEX_KEY,
    });
    const asked = secretsManager
      .commandCalls(GetSecretValueCommand)
      .map((call) => call.args[0].input.SecretId);
    expect(asked.sort()).toEqual(Object.values(ARNS).sort());
    expect(mostInFlight).toBe(3);
  });

  it('derives the session key with SHA-256 when the secret is not 64 hex digits', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'x' });
    secretsManager
      .on(GetSecretValueCommand, { SecretId: ARNS.session })
      .resolves({ SecretString: 'GeneratedPassword48chars' });

    const secrets = await loadSecrets(fromArns(), new SecretsManagerClient({ region: 'us-east-1' }));

    expect(secrets.sessionKeyHex).toBe(createHash('sha256').update('GeneratedPassword48chars').digest('hex'));
    expect(secrets.sessionKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails naming the setting when a secret has no string value', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'value' });
    secretsManager.on(GetSecretValueCommand, { SecretId: ARNS.pepper }).resolves({});

    await expect(loadSecrets(fromArns(), new SecretsManagerClient({ region: 'us-east-1' }))).rejects.toThrow(
      new SecretsError('CALLER_KEY_PEPPER: the secret has no string value'),
    );
  });

  it('fails naming the setting when neither its value nor its ARN is given', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'secret-value-0123' });
    // parseRuntimeConfig refuses this too; a configuration assembled in code must not slip past.
    const config: RuntimeConfig = { ...fromArns(), SESSION_KEY_SECRET_ARN: undefined };

    const failure = loadSecrets(config, new SecretsManagerClient({ region: 'us-east-1' }));

    await expect(failure).rejects.toBeInstanceOf(SecretsError);
    await expect(failure).rejects.toThrow(/^SESSION_KEY: neither the value nor its secret ARN is set$/);
  });

  it('prefers a value in the configuration to its ARN and reads only the rest', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'from-secrets-manager-0123' });
    const config: RuntimeConfig = {
      ...fromArns(),
      TWILIO_AUTH_TOKEN: 'token-from-env',
      SESSION_KEY: HEX_KEY,
    };

    const secrets = await loadSecrets(config, new SecretsManagerClient({ region: 'us-east-1' }));

    expect(secrets).toEqual({
      twilioAuthToken: 'token-from-env',
      callerKeyPepper: 'from-secrets-manager-0123',
      sessionKeyHex: HEX_KEY,
    });
    expect(
      secretsManager.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId),
    ).toEqual([ARNS.pepper]);
  });

  it('lets a Secrets Manager failure propagate so the cold start fails loudly', async () => {
    secretsManager.on(GetSecretValueCommand).rejects(new Error('AccessDeniedException'));

    await expect(loadSecrets(fromArns(), new SecretsManagerClient({ region: 'us-east-1' }))).rejects.toThrow(
      'AccessDeniedException',
    );
  });
});

describe('sessionKeyFrom', () => {
  it('keeps a 64-hex-digit key as it is, lower-cased', () => {
    expect(sessionKeyFrom(HEX_KEY.toUpperCase())).toBe(HEX_KEY);
  });

  it('derives the same key from the same passphrase and another from another', () => {
    expect(sessionKeyFrom('correct horse')).toBe(sessionKeyFrom('correct horse'));
    expect(sessionKeyFrom('correct horse')).not.toBe(sessionKeyFrom('correct horse battery'));
  });
});
