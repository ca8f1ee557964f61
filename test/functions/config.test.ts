// The runtime configuration refuses, at start-up, what would otherwise fail on a caller's ear later.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../functions/config.js';
import { LOCAL_DEFAULTS } from '../../infra/local/local-settings.js';

const env = (overrides: Record<string, string>) => ({
  ...LOCAL_DEFAULTS,
  PUBLIC_BASE_URL: 'https://line.example.org',
  ...overrides,
});

describe('parseRuntimeConfig', () => {
  it('refuses a misspelt timezone at start-up, naming the setting', () => {
    const parse = () => parseRuntimeConfig(env({ LINE_TIMEZONE: 'Europe/Madird' }));
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/LINE_TIMEZONE: must be an IANA timezone such as America\/New_York/);
  });

  it('keeps a real IANA timezone', () => {
    expect(parseRuntimeConfig(env({ LINE_TIMEZONE: 'America/Chicago' })).LINE_TIMEZONE).toBe(
      'America/Chicago',
    );
  });
});
