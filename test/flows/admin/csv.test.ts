// The one CSV reader and writer: quoting, line ends, formula guards and header checks.
import { describe, expect, it } from 'vitest';
import { parseCsv, recordsOf, toCsv } from '../../../flows/admin/csv.js';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n';

    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops a byte-order mark, blank lines and a missing final line end', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('toCsv', () => {
  it('round-trips through parseCsv', () => {
    const rows = [
      ['name', 'notes'],
      ['Dana', 'likes "quiet" nights, mostly'],
      ['Eli', 'line one\nline two'],
    ];

    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('keeps spreadsheets from running a cell as a formula, but leaves numbers alone', () => {
    const text = toCsv([['=HYPERLINK("x")', '@SUM(A1)', '-3', '+1 202 555 0142', 42, true, undefined]]);

    expect(parseCsv(text)[0]).toEqual([
      '\'=HYPERLINK("x")',
      "'@SUM(A1)",
      '-3',
      '+1 202 555 0142',
      '42',
      'true',
      '',
    ]);
  });
});

describe('recordsOf', () => {
  it('keys rows by the header and numbers them from the header line', () => {
    const { records, errors } = recordsOf('name , phone\n Dana ,123\nEli\n', ['name']);

    expect(errors).toEqual([]);
    expect(records).toEqual([
      { row: 2, cells: { name: 'Dana', phone: '123' } },
      { row: 3, cells: { name: 'Eli', phone: '' } },
    ]);
  });

  it('names each missing required column once, on row 1', () => {
    const { errors } = recordsOf('name\nDana\n', ['name', 'phone', 'languages']);

    expect(errors).toEqual([
      { row: 1, field: 'phone', message: 'the header has no "phone" column' },
      { row: 1, field: 'languages', message: 'the header has no "languages" column' },
    ]);
  });

  it('says so when the file is empty', () => {
    expect(recordsOf('', ['name']).errors).toEqual([
      { row: 1, field: '(file)', message: 'the file is empty' },
    ]);
  });
});
