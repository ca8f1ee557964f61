// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends; one reader and one writer for all files.

/** Rows of cells; a trailing empty line is ignored. Throws nothing: an unclosed quote runs to the end. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Quotes only where needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
export function toCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  const quote = (value: string | number | boolean | undefined): string => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text) && typeof value === 'string' && !/^[+-]?\d/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

export interface CsvRowError {
  /** 1-based line in the file, counting the header as line 1. */
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** Rows as objects keyed by the header; names a missing required column once, as row 1. */
export function recordsOf(
  text: string,
  required: readonly string[],
): { records: { row: number; cells: Record<string, string> }[]; errors: CsvRowError[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { records: [], errors: [{ row: 1, field: '(file)', message: 'the file is empty' }] };
  const names = header.map((name) => name.trim());
  const errors = required
    .filter((name) => !names.includes(name))
    .map((name) => ({ row: 1, field: name, message: `the header has no "${name}" column` }));
  const records = body.map((cells, index) => ({
    row: index + 2,
    cells: Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()])),
  }));
  return { records, errors };
}
