/** One measured figure as the benchmark table shows it. */
/**
 * ERROR: the benchmark could not measure (it threw); the figure's value says why. SKIPPED: this machine lacks
 * what the benchmark needs (a browser); the value says what to install.
 */
export type Verdict = 'PASS' | 'OVER' | 'INFO' | 'ERROR' | 'SKIPPED';

export type Figure = {
  /** What was measured, including its conditions (N, sample count). */
  name: string;
  /** The measured value, with its unit. */
  value: string;
  /** The budget in words; '—' when the figure is only reported. */
  budget: string;
  verdict: Verdict;
};

export const within = (isWithin: boolean): Verdict => (isWithin ? 'PASS' : 'OVER');

export const info = (name: string, value: string): Figure => ({ name, value, budget: '—', verdict: 'INFO' });

export const median = (values: number[]): number => {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Lets each benchmark file run on its own (`npx tsx bench/<file>.ts`) and print its figures. */
export function runStandalone(mod: NodeModule, bench: () => Promise<Figure[]>): void {
  if (require.main !== mod) return;
  bench()
    .then((figures) => {
      for (const f of figures) console.log(`${f.verdict.padEnd(5)}  ${f.name}: ${f.value} (budget: ${f.budget})`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
