// A log for tests: keeps lines in memory so tests can also check what was (not) logged.
import type { Log } from '../../flows/ports.js';

export function silentLog(): Log & { readonly lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: object) => {
    lines.push(JSON.stringify({ level, message, ...fields }));
  };
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
