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

  it('names each wrong number setting and what it must be', () => {
    const parse = () => parseRuntimeConfig(env({ STORE_TIMEOUT_MS: '-3', BUS_MAX_ATTEMPTS: '1.5' }));
    expect(parse).toThrow(
      /STORE_TIMEOUT_MS: Too small: expected number to be >0\n {2}BUS_MAX_ATTEMPTS: Invalid input: expected int, received number/,
    );
  });

  it("reads the coordinators' list into numbers, naming a bad one by its place", () => {
    expect(
      parseRuntimeConfig(env({ COORDINATOR_NUMBERS: ' +15550100001, ,+15550100002' })).COORDINATOR_NUMBERS,
    ).toEqual(['+15550100001', '+15550100002']);
    expect(() => parseRuntimeConfig(env({ COORDINATOR_NUMBERS: '+15550100001,555' }))).toThrow(
      /COORDINATOR_NUMBERS\.1: must be an E\.164 phone number/,
    );
  });

  it('keeps a real IANA timezone', () => {
    expect(parseRuntimeConfig(env({ LINE_TIMEZONE: 'America/Chicago' })).LINE_TIMEZONE).toBe(
      'America/Chicago',
    );
  });
});
