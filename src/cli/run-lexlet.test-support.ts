import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: where `bin/lexlet.js` runs from in the CLI tests. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `lexlet` as a user would, `input` on its stdin, and collects what it prints. */
export function lexlet(args: string[], input: string | Uint8Array = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lexlet.js', ...args], { cwd: ROOT });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(input);
  });
}
