import { describe, expect, it } from 'vitest';
import { lineBatchesOf } from '../../../src/cli/inputs';

async function linesOf(chunks: (string | Buffer)[]): Promise<string[]> {
  async function* stream(): AsyncGenerator<string | Buffer> {
    yield* chunks;
  }
  const lines: string[] = [];
  for await (const batch of lineBatchesOf(stream())) lines.push(...batch);
  return lines;
}

/** The bytes of `text` cut into pieces of `size` bytes, wherever that falls (inside a character too). */
function cut(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

describe('the lines of an NDJSON stream', () => {
  const text =
    '{"note":"Gait 23 min, pt walked 150 ft"}\r\n{"note":"Señora Müller — 8 min"}\n\n{"note":"🦶 last"}';

  it('are the same however the bytes are cut, a character split across chunks included', async () => {
    const whole = [
      '{"note":"Gait 23 min, pt walked 150 ft"}',
      '{"note":"Señora Müller — 8 min"}',
      '',
      '{"note":"🦶 last"}',
    ];
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20])
      expect(await linesOf(cut(text, size)), `size ${size}`).toEqual(whole);
  });

  it('drop a byte-order mark at the start only', async () => {
    const lines = await linesOf(cut('\uFEFF{"a":1}\n\uFEFF{"b":2}\n', 2));
    expect(lines).toEqual(['{"a":1}', '\uFEFF{"b":2}']);
  });

  it('read string chunks (stdin with an encoding set) the same way', async () => {
    expect(await linesOf(['{"a":1}\n{"b"', ':2}\r\n', '{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keep a line that spans many chunks whole', async () => {
    const long = `{"note":"${'amb 150 ft x3 with FWW; '.repeat(5000)}"}`;
    expect(await linesOf(cut(`${long}\n{"b":2}\n`, 1000))).toEqual([long, '{"b":2}']);
  });
});
