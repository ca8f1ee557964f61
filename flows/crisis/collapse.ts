// Letter-run collapsing shared by the normaliser and the rule compiler, so "kiiill", "kill" and "kil" all meet.

/** Collapses every run of one repeated letter to a single letter ("pills" -> "pils", "noooo" -> "no"). */
export function collapseRepeats(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

/** The same collapse over regex source, leaving escapes such as `\b` and `\S` untouched. */
export function collapsePatternSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
      continue;
    }
    const last = out[out.length - 1];
    const beforeLast = out[out.length - 2];
    if (/[a-z]/.test(char) && char === last && beforeLast !== '\\') continue;
    out += char;
  }
  return out;
}
