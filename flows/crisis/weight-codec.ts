// Packs a model's signed-byte weights into canonical Huffman codes, a little over half their plain size.
//
// Most buckets hold 0 or a small value and the two heads' weights move together, so each byte is coded as
// its difference from a reference model's byte (zero when there is none), zigzagged so that small
// differences of either sign get the short codes. Whether the reference byte is zero picks one of two code
// tables: a bucket no training feature reached in one head was almost never reached in the other. Huffman
// rather than an arithmetic coder: barely larger here, and decoding is a few steps per bucket, not a
// multiplication per bit, which the first message after a cold start waits for.
//
// Layout: for each table, its highest symbol with a code and then every code length up to it (4 bits
// each, two to a byte); then the buckets' codes, most significant bit first.

const TABLES = 2;
const MAX_CODE_LENGTH = 15;

function tableOf(reference: Int8Array, index: number): number {
  return reference[index] ? 1 : 0;
}

/** -1, 1, -2 ... as 1, 2, 3 ...: both signs of a small difference among the short codes. */
function toSymbol(value: number, referenceValue: number): number {
  const difference = ((value - referenceValue + 128) & 0xff) - 128;
  return difference >= 0 ? difference * 2 : -difference * 2 - 1;
}

function fromSymbol(symbol: number, referenceValue: number): number {
  const difference = symbol & 1 ? -(symbol + 1) / 2 : symbol / 2;
  return ((referenceValue + difference + 128) & 0xff) - 128;
}

/** Huffman code lengths for 256 symbols; counts are halved until no code is longer than the limit. */
function codeLengths(counts: readonly number[]): number[] {
  let weights = [...counts];
  for (;;) {
    const lengths = new Array<number>(256).fill(0);
    let nodes = weights.flatMap((weight, symbol) => (weight > 0 ? [{ weight, symbols: [symbol] }] : []));
    if (nodes.length === 1) for (const symbol of nodes[0]?.symbols ?? []) lengths[symbol] = 1;
    while (nodes.length > 1) {
      nodes.sort((a, b) => a.weight - b.weight);
      const [first, second, ...rest] = nodes;
      if (!first || !second) break;
      const merged = [...first.symbols, ...second.symbols];
      for (const symbol of merged) lengths[symbol] = (lengths[symbol] ?? 0) + 1;
      nodes = [{ weight: first.weight + second.weight, symbols: merged }, ...rest];
    }
    if (Math.max(...lengths) <= MAX_CODE_LENGTH) return lengths;
    weights = weights.map((weight) => (weight > 0 ? Math.max(1, weight >> 1) : 0));
  }
}

/** Symbols in canonical order (shorter codes first, then by symbol) and how many codes each length has. */
function canonicalOrder(lengths: ArrayLike<number>): { symbols: number[]; perLength: number[] } {
  const symbols: number[] = [];
  const perLength = new Array<number>(MAX_CODE_LENGTH + 1).fill(0);
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      if (lengths[symbol] !== length) continue;
      symbols.push(symbol);
      perLength[length] = (perLength[length] ?? 0) + 1;
    }
  }
  return { symbols, perLength };
}

export function encodeWeights(
  values: Int8Array,
  reference: Int8Array = new Int8Array(values.length),
): Uint8Array {
  const counts = Array.from({ length: TABLES }, () => new Array<number>(256).fill(0));
  const symbols = Array.from(values, (value, index) => {
    const symbol = toSymbol(value, reference[index] ?? 0);
    const table = counts[tableOf(reference, index)];
    if (table) table[symbol] = (table[symbol] ?? 0) + 1;
    return symbol;
  });
  const out: number[] = [];
  const codes = counts.map((table) => {
    const lengths = codeLengths(table);
    let highest = lengths.length - 1;
    while (highest >= 0 && !lengths[highest]) highest--;
    out.push(Math.max(highest, 0));
    for (let symbol = 0; symbol <= highest; symbol += 2)
      out.push(((lengths[symbol] ?? 0) << 4) | (lengths[symbol + 1] ?? 0));
    if (highest < 0) out.push(0);
    const code = new Array<number>(256).fill(0);
    let next = 0;
    let previousLength = 0;
    for (const symbol of canonicalOrder(lengths).symbols) {
      const length = lengths[symbol] ?? 0;
      next <<= length - previousLength;
      previousLength = length;
      code[symbol] = next++;
    }
    return { lengths, code };
  });
  let buffer = 0;
  let buffered = 0;
  symbols.forEach((symbol, index) => {
    const { lengths, code } = codes[tableOf(reference, index)] ?? { lengths: [], code: [] };
    buffer = (buffer << (lengths[symbol] ?? 0)) | (code[symbol] ?? 0);
    buffered += lengths[symbol] ?? 0;
    while (buffered >= 8) {
      buffered -= 8;
      out.push((buffer >> buffered) & 0xff);
    }
    buffer &= (1 << buffered) - 1;
  });
  if (buffered > 0) out.push((buffer << (8 - buffered)) & 0xff);
  return Uint8Array.from(out);
}

export function decodeWeights(
  bytes: Uint8Array,
  count: number,
  reference: Int8Array = new Int8Array(count),
): Int8Array {
  let position = 0;
  const tables = Array.from({ length: TABLES }, () => {
    const highest = bytes[position++] ?? 0;
    const lengths = new Uint8Array(highest + 1);
    for (let symbol = 0; symbol <= highest; symbol++) {
      const byte = bytes[position + (symbol >> 1)] ?? 0;
      lengths[symbol] = symbol & 1 ? byte & 0xf : byte >> 4;
    }
    position += (highest >> 1) + 1;
    return canonicalOrder(lengths);
  });
  let bit = position * 8;
  const values = new Int8Array(count);
  for (let index = 0; index < count; index++) {
    const table = tables[tableOf(reference, index)];
    if (!table) break;
    const { symbols, perLength } = table;
    // Canonical codes of one length are consecutive: walk the lengths until the code falls in its run.
    let code = 0;
    let first = 0;
    let offset = 0;
    for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
      code |= ((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1;
      bit++;
      const run = perLength[length] ?? 0;
      if (code - first < run) {
        values[index] = fromSymbol(symbols[offset + code - first] ?? 0, reference[index] ?? 0);
        break;
      }
      offset += run;
      first = (first + run) << 1;
      code <<= 1;
    }
  }
  return values;
}
