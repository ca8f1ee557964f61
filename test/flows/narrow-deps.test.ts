// Each voice, SMS and dispatch flow names the store methods it uses (`VoiceDeps<'getContact' | …>`), as
// RosterTickDeps does: its unit test can then fake just those, and a new dependency shows in the signature.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FLOWS = join(import.meta.dirname, '../../flows');
const NARROWED = ['voice', 'sms', 'dispatch'];

/** A `deps` parameter typed with the whole store: a deps type without its methods, or `Store` itself. */
const WHOLE_STORE =
  /\bdeps\??:\s*(?:(?:VoiceDeps|TextDeps|DispatchDeps|TickDeps)\b(?!<)|\{[^}]*\bstore:\s*Store\b)/g;

function wholeStoreParameters(source: string): string[] {
  return [...source.matchAll(WHOLE_STORE)].map((match) => match[0]);
}

describe('narrow flow deps', () => {
  it('finds a whole-store parameter in a sample, and passes a narrowed one', () => {
    const sample = [
      'export async function a(deps: VoiceDeps, id: string) {}',
      'async function b(deps: { store: Store; clock: Clock }) {}',
      "async function c(deps: TextDeps<'getContact'>, id: string) {}",
      "async function d(deps: Pick<TextDeps<'getVolunteer'>, 'store'>) {}",
    ].join('\n');
    expect(wholeStoreParameters(sample)).toEqual(['deps: VoiceDeps', 'deps: { store: Store']);
  });

  for (const folder of NARROWED) {
    it(`has no flow in flows/${folder} that takes the whole store`, () => {
      const offenders = readdirSync(join(FLOWS, folder))
        .filter((name) => name.endsWith('.ts'))
        .flatMap((name) =>
          wholeStoreParameters(readFileSync(join(FLOWS, folder, name), 'utf8')).map(
            (hit) => `${name}: ${hit}`,
          ),
        );
      expect(offenders).toEqual([]);
    });
  }
});
