/** The one table `npm run bench` prints, and the same figures as Markdown for bench/results.md. */
import type { Figure } from './figure';
import type { MachineInfo } from './machine-info';

const HEADERS = ['Figure', 'Value', 'Budget', 'Result'] as const;
const cellsOf = (f: Figure) => [f.name, f.value, f.budget, f.verdict];

export function textTable(figures: Figure[]): string {
  const rows = figures.map(cellsOf);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|');

export type RunInfo = { finishedAt: Date; loadAverageAtStart: string; machine: MachineInfo };

export function markdownReport(figures: Figure[], { finishedAt, loadAverageAtStart, machine }: RunInfo, notes: string[]): string {
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run-all.ts); the latest run replaces this file.',
    '',
    `- Date: ${finishedAt.toISOString()}`,
    `- Machine: ${machine.cpus} CPUs (nproc), ${machine.memory} memory, ${machine.cpuModel}, load average (1 / 5 / 15 min) ${loadAverageAtStart} at the start and ${machine.loadAverage} at the end of the run (other work shares the machine; timings are only comparable at similar load)`,
    `- Node: ${machine.node}`,
    '',
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...figures.map((f) => `| ${cellsOf(f).map(mdCell).join(' | ')} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
