import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childrenCpuMs, childrenCpuMsFromStat } from './child-cpu';

describe('CPU time of child processes', () => {
  it('reads cutime and cstime after a command name holding spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, index) => String(index + 3));
    fields[13] = '150'; // cutime, field 16
    fields[14] = '25'; // cstime, field 17
    expect(childrenCpuMsFromStat(`4242 (node (a) b) ${fields.join(' ')}`)).toBe(1750);
  });

  it('rejects a line it cannot read', () => {
    expect(() => childrenCpuMsFromStat('4242 (node)')).toThrow(/Unexpected \/proc stat line/u);
  });

  it.runIf(process.platform === 'linux')('counts a finished child that kept a core busy', () => {
    const before = childrenCpuMs();
    // The child spins until its own CPU time (not the wall clock, which a loaded machine stretches) reaches 300 ms.
    const spin =
      'const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; while (cpu() < 300);';
    spawnSync(process.execPath, ['-e', spin]);
    expect(childrenCpuMs() - before).toBeGreaterThanOrEqual(250);
  });
});
