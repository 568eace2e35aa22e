import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputLines, runCommand } from './run-command';

const scratch = mkdtempSync(join(tmpdir(), 'lexlet-run-command-'));
afterAll(() => rmSync(scratch, { recursive: true }));

describe('running a command as a user does', () => {
  it('gives text on stdin and returns stdout', async () => {
    expect(await runCommand('tr', ['a-z', 'A-Z'], { input: 'one\ntwo\n' })).toBe('ONE\nTWO\n');
  });

  it('gives a file on stdin that the command can open as /dev/stdin', async () => {
    const file = join(scratch, 'lines.txt');
    writeFileSync(file, 'first\nsecond\n');
    expect(await runCommand('cat', ['/dev/stdin'], { inputFile: file })).toBe('first\nsecond\n');
  });

  it('fails with the command, its exit status and the end of its stderr', async () => {
    await expect(runCommand('sh', ['-c', 'echo broken model >&2; exit 3'])).rejects.toThrow(
      'sh -c echo broken model >&2; exit 3 failed (exit 3): broken model',
    );
  });

  it('reports the exit status of a command that stops before reading its input', async () => {
    const input = 'x'.repeat(1 << 20);
    await expect(runCommand('sh', ['-c', 'exit 4'], { input })).rejects.toThrow('failed (exit 4)');
  });

  it('fails clearly when the command does not exist', async () => {
    await expect(runCommand('lexlet-no-such-command', [])).rejects.toThrow(
      /Could not start lexlet-no-such-command/u,
    );
  });
});

describe('one output line per input line', () => {
  it('splits off the final newline', () => {
    expect(outputLines('a\n\nc\n', 3, 'x')).toEqual(['a', '', 'c']);
  });

  it('rejects output with another number of lines', () => {
    expect(() => outputLines('a\nb\n', 3, 'apertium')).toThrow('apertium wrote 2 lines for 3 input lines.');
  });
});
