/** The machine a benchmark ran on, for results.md: figures mean little without it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** `loadAverage`: timings on a busy machine are not comparable, so the report says how busy it was. */
export type MachineInfo = { cpus: number; memory: string; node: string; cpuModel: string; loadAverage: string };

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

/** The CPUs this process may use (what `nproc` prints), not every CPU of the host. */
function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpus: nproc(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    cpuModel: cpuModel(),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}
