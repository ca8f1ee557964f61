// The notifier: an alert is sent once per escalation, and an alert that failed to send is sent on the retry.
import { describe, expect, it } from 'vitest';
import type { LineEvent } from '../../../flows/events.js';
import { handleNotification, type NotifyDeps } from '../../../flows/notify/notifier.js';
import { silentLog } from '../../support/silent-log.js';

const escalated: LineEvent = {
  type: 'ContactEscalated',
  contactId: 'v-1',
  channel: 'voice',
  trigger: 'caller-key',
  kind: 'keypress',
};

function deps(failFirstSends: number, languages: Record<string, unknown> = {}) {
  const seen = new Set<string>();
  const sent: string[] = [];
  const bodies: string[] = [];
  let failures = failFirstSends;
  const settings = {
    lineNumber: '+15550100000',
    clinicianNumber: '+15550100911',
    coordinatorNumbers: ['+15550100900', '+15550100901'],
    clinicianLanguage: 'en',
    coordinatorLanguages: {},
    ...languages,
  };
  const notify = {
    store: {
      getLine: async () => ({ settings, blockedKeys: new Set(), onShiftIds: new Set() }),
      firstTime: async (key: string) => !seen.has(key) && Boolean(seen.add(key)),
      forget: async (key: string) => {
        seen.delete(key);
      },
    },
    telephony: {
      sendText: async ({ to, body }: { to: string; body: string }) => {
        if (failures-- > 0) throw new Error('Twilio is down');
        sent.push(to);
        bodies.push(body);
      },
    },
    vault: { open: (s: string) => s },
    log: silentLog(),
  } as unknown as NotifyDeps;
  return { notify, sent, bodies };
}

describe('handleNotification', () => {
  it('sends the clinician alert on the retry when the first send failed', async () => {
    const { notify, sent } = deps(1);
    await expect(handleNotification(notify, escalated)).rejects.toThrow('Twilio is down');
    await handleNotification(notify, escalated);
    expect(sent).toEqual(['+15550100911', '+15550100900', '+15550100901']);
  });

  it('sends nothing more for a duplicate delivery once the alert went out', async () => {
    const { notify, sent } = deps(0);
    await handleNotification(notify, escalated);
    await handleNotification(notify, escalated);
    expect(sent).toEqual(['+15550100911', '+15550100900', '+15550100901']);
  });

  it("writes each recipient's alert in that recipient's language", async () => {
    const { notify, bodies } = deps(0, {
      clinicianLanguage: 'es',
      coordinatorLanguages: { '+15550100901': 'es' },
    });
    await handleNotification(notify, escalated);
    expect(bodies[0]).toContain('Warmline: una llamada se derivó a la línea de crisis (keypress)');
    expect(bodies[1]).toContain('Warmline: a call was escalated to the crisis line (keypress)');
    expect(bodies[2]).toContain('se derivó a la línea de crisis');
  });
});
