/**
 * A command run as a user runs it, whole process: text or a file on stdin, its stdout back, a clear error if it
 * fails.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface CommandOptions {
  /** Written to the command's stdin, which is then closed. */
  input?: string;
  /**
   * A file opened as the command's stdin, as `command < file` does. Node's stdin pipes are sockets, which
   * commands that open /dev/stdin (Apertium does) cannot read.
   */
  inputFile?: string;
  cwd?: string;
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  const stdinFd = options.inputFile === undefined ? undefined : openSync(options.inputFile, 'r');
  return new Promise<string>((resolve, reject) => {
    const stdin = stdinFd ?? (options.input === undefined ? 'ignore' : 'pipe');
    const child = spawn(command, args, { cwd: options.cwd, stdio: [stdin, 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`Could not start ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else
        reject(
          new Error(
            `${[command, ...args].join(' ')} failed (${signal ?? `exit ${code}`}): ` +
              Buffer.concat(stderr).toString('utf8').trim().slice(-500),
          ),
        );
    });
    // A command that exits before reading all its input closes the pipe: its exit status tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  }).finally(() => {
    if (stdinFd !== undefined) closeSync(stdinFd);
  });
}

/** The output lines of a command that writes one line per input line; an error if the count differs. */
export function outputLines(stdout: string, expected: number, command: string): string[] {
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== expected)
    throw new Error(`${command} wrote ${lines.length} lines for ${expected} input lines.`);
  return lines;
}
