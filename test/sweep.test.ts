/**
 * The research sweep (bench/sweep.bench.ts): the latency model (bench/latency-model.ts) on
 * hand-made rounds with known answers, the CSV and JSON row shapes (bench/sweep-rows.ts), the
 * option parsing (bench/sweep-options.ts), a tiny sweep (2-of-3, one scheme, memory) whose
 * report's SVG charts are well-formed XML and carry the expected series, the same over the relay
 * with the costs each cell fits (bench/sweep-cell.ts), and a cell failing in its child process.
 * No timing assertion.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitLine, predictWallMs, relativeError, roundCompute } from '../bench/latency-model.js';
import { runSweep } from '../bench/sweep.bench.js';
import { cellInChild, SweepCellError } from '../bench/sweep-cell.js';
import { parseSweepOptions, SweepOptionError } from '../bench/sweep-options.js';
import { FINISH } from '../bench/sweep-probe.js';
import { flatRow, modelInput, ROUND_COLUMNS, roundRows, ROW_COLUMNS, toCsv } from '../bench/sweep-rows.js';

const rounds = [
  { round: 'a', computeMs: [2, 5, 3], bytes: [100, 100, 300], messages: [2, 2, 2] },
  { round: 'b', computeMs: [1, 1, 4], bytes: [50, 50, 50], messages: [2, 2, 2] },
];

describe('latency model', () => {
  it('a core per party: Σ (slowest + delay + largest sender’s bytes / bandwidth + its messages × cost) + finish', () => {
    const p = predictWallMs(rounds, [1, 2, 0.5], { delayMs: 10, hopMs: 0, bytesPerMs: 100, perMessageMs: 0.5, cores: Infinity });
    // a: 5 + 10 + 300/100 + 2·0.5 = 19; b: 4 + 10 + 0.5 + 1 = 15.5; finish 2
    expect(p.rounds.map((r) => r.computeMs + r.delayMs + r.transferMs + r.messageMs)).toEqual([19, 15.5]);
    expect(p.finishMs).toBe(2);
    expect(p.totalMs).toBe(36.5);
  });

  it('one shared core: a round costs the sum of its parties and all of its bytes and messages', () => {
    const p = predictWallMs(rounds, [1, 2, 0.5], { delayMs: 0, hopMs: 0, bytesPerMs: 100, perMessageMs: 0.5, cores: 1 });
    // a: 10 + 500/100 + 6·0.5 = 18; b: 6 + 1.5 + 3 = 10.5; finish 3.5
    expect(p.totalMs).toBe(32);
    expect(roundCompute([2, 5, 3], 2)).toBe(5);
    expect(roundCompute([4, 4, 4], 2)).toBe(6);
  });

  it('no bandwidth cost at Infinity; relative error and the fitted line', () => {
    expect(predictWallMs(rounds, [], { delayMs: 1, hopMs: 0, bytesPerMs: Infinity, perMessageMs: 0, cores: Infinity }).totalMs).toBe(11);
    // the hop is paid once per round, whatever the round carries
    expect(predictWallMs(rounds, [], { delayMs: 1, hopMs: 2.5, bytesPerMs: Infinity, perMessageMs: 0, cores: Infinity }).totalMs).toBe(16);
    expect(relativeError(115, 100)).toBeCloseTo(0.15);
    const { a, b } = fitLine([1, 2, 3, 4].map((x) => ({ x, y: 3 + 2 * x })));
    expect(a).toBeCloseTo(3);
    expect(b).toBeCloseTo(2);
    expect(() => fitLine([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toThrow(RangeError);
  });

  it('the model input leaves the finishing work out of the rounds', () => {
    const input = modelInput([
      { round: 'x', computeMs: { '1': 1, '2': 2 }, bytes: { '1': 3 }, messages: { '1': 1 } },
      { round: FINISH, computeMs: { '1': 4, '2': 5 }, bytes: {}, messages: {} },
    ]);
    expect(input.rounds.map((r) => r.round)).toEqual(['x']);
    expect(input.finishMs).toEqual([4, 5]);
  });
});

describe('options', () => {
  it('parses sizes, schemes and delays, and names what is wrong', () => {
    const o = parseSweepOptions(['--sizes', '2-of-3,67-of-100', '--schemes', 'frost-ed25519', '--delays', '0,50', '--transport', 'relay']);
    expect(o.sizes).toEqual([{ t: 2, n: 3 }, { t: 67, n: 100 }]);
    expect(o.schemes).toEqual(['frost-ed25519']);
    expect(o.delays).toEqual([0, 50]);
    expect(o.transport).toBe('relay');
    expect(o.runs).toBe(1);
    expect(parseSweepOptions(['--runs', '5']).runs).toBe(5);
    for (const runs of ['0', '26', '2.5', 'x']) expect(() => parseSweepOptions(['--runs', runs])).toThrow(/--runs/);
    expect(() => parseSweepOptions(['--sizes', '4-of-3'])).toThrow(SweepOptionError);
    expect(() => parseSweepOptions(['--schemes', 'frost-nope'])).toThrow(/frost-nope/);
    expect(() => parseSweepOptions(['--delays', '-1'])).toThrow(SweepOptionError);
    expect(() => parseSweepOptions(['--bogus'])).toThrow(/--bogus/);
  });

  it('writes CSV by RFC 4180: quoted fields with commas or quotes', () => {
    expect(toCsv(['a', 'b'] as const, [{ a: 'x,y', b: 1.5 }, { a: 'say "hi"', b: null }])).toBe('a,b\n"x,y",1.5000\n"say ""hi""",\n');
  });
});

/** Whether `xml` is well-formed as far as tags go: every element closed in order. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const [, close, name, rest] = m;
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!rest!.trimEnd().endsWith('/')) stack.push(name!);
  }
  return stack.length === 0;
}

describe('a tiny sweep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-sweep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('2-of-3 frost-secp256k1 in memory: rows of the expected shape and a report whose SVG charts parse and carry the series', async () => {
    const o = parseSweepOptions(['--schemes', 'frost-secp256k1', '--sizes', '2-of-3', '--delays', '0,5', '--ops', 'keygen,sign', '--out', dir]);
    const { rows, peers, path } = await runSweep(o, []);
    expect(rows.map((r) => `${r.op} ${r.delayMs}`)).toEqual(['keygen 0', 'keygen 5', 'sign 0', 'sign 5']);
    for (const r of rows) {
      expect(r.parties).toBe(r.op === 'sign' ? 2 : 3);
      expect(r.rounds.at(-1)!.round).toBe(FINISH);
      expect(r.rounds[0]!.round).toBe(r.op === 'sign' ? 'frost/1' : 'dkg/1');
      expect(r.totalBytes).toBeGreaterThan(0);
      expect(r.prediction?.verdict).toMatch(/^(PASS|FAIL)$/);
      expect(Object.keys(flatRow(r)).sort()).toEqual([...ROW_COLUMNS].sort());
      for (const x of roundRows(r)) expect(Object.keys(x)).toEqual([...ROUND_COLUMNS]);
    }
    expect(peers.map((p) => p.impl)).toEqual(['noble', 'noble']);

    const csv = readFileSync(join(dir, 'rows.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(ROW_COLUMNS.join(','));
    expect(csv).toHaveLength(rows.length + 1);
    expect(csv.every((line) => line.split(',').length === ROW_COLUMNS.length)).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'rows.json'), 'utf8'));
    expect(json.rows).toHaveLength(rows.length);
    expect(json.rows[0].rounds[0]).toHaveProperty('computeMs');

    const html = readFileSync(path, 'utf8');
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const svg of svgs) expect(wellFormed(svg)).toBe(true);
    const figure = (id: string) => html.slice(html.indexOf(`<figure id="${id}"`), html.indexOf('</figure>', html.indexOf(`<figure id="${id}"`)));
    expect(figure('time-vs-n')).toContain('frost-secp256k1');
    expect(figure('wall-vs-delay')).toContain('model');
    expect(figure('per-round')).toContain('dkg/2');
    expect(figure('peers')).toContain('noble');
  });

  it('over the relay: each cell fits the relay’s costs in its own process, and the notes give them', async () => {
    const o = parseSweepOptions(['--schemes', 'frost-secp256k1', '--sizes', '2-of-3', '--delays', '0,5', '--ops', 'sign', '--transport', 'relay', '--no-peers', '--out', join(dir, 'relay')]);
    const { rows, notes } = await runSweep(o, []);
    expect(rows.map((r) => `${r.transport} ${r.delayMs}`)).toEqual(['memory 0', 'relay 0', 'relay 5']);
    for (const r of rows.slice(1)) expect(r.prediction!.predictedMs).toBeGreaterThan(r.delayMs * 2);
    expect(notes[0]).toMatch(/^relay costs fitted in each of 1 cells' processes/);
    expect(notes.slice(1).map((n) => n.split(':')[0])).toEqual(['relay at 0 ms', 'relay at 5 ms']);
    const json = JSON.parse(readFileSync(join(dir, 'relay', 'rows.json'), 'utf8'));
    expect(json.fits[0].calibration.perMessageMs).toBeGreaterThan(0);
  });

  it('a cell that fails in its child process rejects with an error naming the cell and carrying the child’s message', async () => {
    const cell = { scheme: 'frost-secp256k1', size: { t: 2, n: 3 }, op: 'no-such-op', transport: 'memory', delays: [], runs: 1, peers: false } as unknown as Parameters<typeof cellInChild>[0];
    const e = await cellInChild(cell).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SweepCellError);
    expect((e as Error).message).toMatch(/^frost-secp256k1 no-such-op 2-of-3: .*TypeError/s);
  });
});
