import { describe, expect, it } from 'vitest';
import { DeployContextError, parseDeployContext } from '../../infra/deploy-context.js';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('parseDeployContext', () => {
  it('falls back to fictional numbers so an offline synth needs no context', () => {
    const context = parseDeployContext(from({}));
    expect(context.lineNumber).toMatch(/^\+1555010\d{4}$/);
    expect(context.clinicianNumber).toMatch(/^\+1555010\d{4}$/);
    expect(context.crisisNumber).toBe('988');
    expect(context.coordinatorNumbers).toEqual([]);
    expect(context.publicBaseUrl).toBeUndefined();
    expect(context.webhookReservedConcurrency).toBe(20);
  });

  it('reads CLI strings: comma lists, numbers and a trailing slash on the base URL', () => {
    const context = parseDeployContext(
      from({
        coordinatorNumbers: '+15551230001, +15551230002',
        logRetentionDays: '90',
        publicBaseUrl: 'https://line.example.org/',
      }),
    );
    expect(context.coordinatorNumbers).toEqual(['+15551230001', '+15551230002']);
    expect(context.logRetentionDays).toBe(90);
    expect(context.publicBaseUrl).toBe('https://line.example.org');
  });

  it('names every wrong key in one error', () => {
    const parse = () => parseDeployContext(from({ lineNumber: '555-0100', logRetentionDays: 31 }));
    expect(parse).toThrow(DeployContextError);
    expect(parse).toThrow(
      /-c lineNumber: must be an E\.164[\s\S]*-c logRetentionDays: must be a CloudWatch retention/,
    );
  });

  it('refuses a misspelt timezone at synth, before any call can hear the technical-problem message', () => {
    const parse = () => parseDeployContext(from({ timezone: 'America/NewYork' }));
    expect(parse).toThrow(/-c timezone: must be an IANA timezone such as America\/New_York/);
    expect(parseDeployContext(from({ timezone: 'Europe/Madrid' })).timezone).toBe('Europe/Madrid');
  });
});
