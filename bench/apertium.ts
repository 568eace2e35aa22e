/**
 * Speed and quality side by side: Apertium (rule-based, `apertium -u eng-spa`) and the `lexlet translate` CLI
 * (greedy) on the same dev lines, each a whole process fed the lines on stdin as a user runs it: wall time, source
 * words/s and CPU time (every process of the command) over alternated rounds, then BLEU and chrF of each
 * command's output against the references, scored by the training's scorer.
 *
 *   node --import tsx bench/apertium.ts [--pair eng-spa] [--mode eng-spa] [--limit 1000] [--rounds 3]
 *     [--out bench/results]
 *
 * The lines are the Tatoeba dev set no model was trained on: ../shared/data/translation/tatoeba-unseen-dev/<pair>/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from './measure';
import { alternatedRounds, spread, type Runner, type Spread } from './rounds';
import { outputLines, runCommand } from './run-command';
import { scoreTranslations, type Scores } from './score';
import { RESULTS_DIR, writeResults } from './write-results';
import { machineInfo, range } from './machine';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    pair: { type: 'string', default: 'eng-spa' },
    mode: { type: 'string', default: 'eng-spa' },
    limit: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: RESULTS_DIR },
  },
});

/** ISO 639-3 file names of the dev set → the CLI's language codes. */
const LANGUAGES: Record<string, string> = { eng: 'en', spa: 'es', deu: 'de', fra: 'fr', zho: 'zh' };
const [sourceCode = '', targetCode = ''] = (values.pair ?? '').split('-');
const source = LANGUAGES[sourceCode];
const target = LANGUAGES[targetCode];
if (!source || !target)
  throw new Error(`--pair must be two of ${Object.keys(LANGUAGES).join(', ')}, e.g. eng-spa.`);

const devDir = join(root, '../shared/data/translation/tatoeba-unseen-dev', values.pair ?? '');
const readLines = (language: string) =>
  readFileSync(join(devDir, `${language}.txt`), 'utf8')
    .split('\n')
    .slice(0, Number(values.limit));
const sources = readLines(sourceCode);
const references = readLines(targetCode);
if (sources.some((line) => !line.trim()) || references.length !== sources.length)
  throw new Error(
    `${relative(root, devDir)}: the first ${values.limit} lines must be line-aligned and not empty.`,
  );
// Both commands read the lines from a file on stdin, as `command < file.txt`.
const scratch = mkdtempSync(join(tmpdir(), 'lexlet-bench-'));
const inputFile = join(scratch, `${sourceCode}.txt`);
writeFileSync(inputFile, sources.map((line) => `${line}\n`).join(''));
const words = sources.reduce((sum, line) => sum + line.trim().split(/\s+/u).length, 0);
const rounds = Math.max(1, Number(values.rounds));

const APERTIUM = `apertium -u ${values.mode}`;
const LEXLET = `lexlet translate --from ${source} --to ${target} --beam 1`;
const runners: Runner[] = [
  {
    name: APERTIUM,
    pass: async () => {
      const stdout = await runCommand('apertium', ['-u', values.mode ?? ''], { inputFile });
      // Apertium pads its lines with spaces; the training's evaluation trims them the same way.
      return { texts: outputLines(stdout, sources.length, APERTIUM).map((line) => line.trim()), tokens: 0 };
    },
  },
  {
    name: LEXLET,
    pass: async () => {
      const args = ['bin/lexlet.js', 'translate', '--from', source, '--to', target, '--beam', '1', '--quiet'];
      const stdout = await runCommand(process.execPath, args, { cwd: root, inputFile });
      return { texts: outputLines(stdout, sources.length, LEXLET), tokens: 0 };
    },
  },
];

const loadBefore = loadavg();
const records = await alternatedRounds(runners, rounds, (runner, round, timing) =>
  process.stderr.write(`round ${round + 1}/${rounds}: ${runner} ${timing.wallMs.toFixed(0)} ms\n`),
);
const loadAfter = loadavg();
rmSync(scratch, { recursive: true });

interface Row {
  command: string;
  wallSeconds: Spread;
  wordsPerSecond: Spread;
  cpuSeconds: Spread;
  /** Of the warm-up pass's output (every pass gives the same). */
  scores: Scores;
}
const rows: Row[] = [];
for (const record of records) {
  rows.push({
    command: record.name,
    wallSeconds: spread(record.passes.map((pass) => pass.wallMs / 1000)),
    wordsPerSecond: spread(record.passes.map((pass) => words / (pass.wallMs / 1000))),
    cpuSeconds: spread(record.passes.map((pass) => pass.cpuMs / 1000)),
    scores: await scoreTranslations(record.texts, references, target),
  });
}

const machine = machineInfo(loadBefore, loadAfter);
const devSet = relative(root, devDir);
console.log(
  `${sources.length} lines (${words} source words) of ${devSet}, whole processes, ${rounds} alternated rounds: ` +
    `median (min–max); BLEU (13a) and chrF2 against ${targetCode}.txt`,
);
console.log(
  `${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverageBefore.join(' ')} before, ` +
    `${machine.loadAverageAfter.join(' ')} after; Node ${machine.node}`,
);
console.log(
  formatTable(
    ['command', 'wall s', 'words/s', 'CPU s', 'BLEU', 'chrF'],
    rows.map((row) => [
      row.command,
      range(row.wallSeconds, 2),
      range(row.wordsPerSecond, 0),
      range(row.cpuSeconds, 2),
      row.scores.bleu.toFixed(2),
      row.scores.chrf.toFixed(2),
    ]),
  ),
);
const written = writeResults(
  'apertium',
  { devSet, lines: sources.length, sourceWords: words, rounds, machine, rows },
  values.out,
);
console.log(`\nWritten to ${written}`);
