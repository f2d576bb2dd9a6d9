/** The header line and the card's lozenges: how many configurations stand where, in the panel's order. */
import type { BuildOutcome, ConfigurationResultView, ResultBuildView } from '../../../src/shared/schemas';

export const OUTCOME_WORDS: Record<BuildOutcome, string> = {
  failed: 'failed',
  running: 'running',
  queued: 'queued',
  passed: 'passed',
  canceled: 'canceled',
  not_built: 'not built',
};

export const OUTCOME_APPEARANCE: Record<BuildOutcome, 'removed' | 'inprogress' | 'default' | 'success' | 'moved'> = {
  failed: 'removed',
  running: 'inprogress',
  queued: 'default',
  passed: 'success',
  canceled: 'moved',
  not_built: 'default',
};

const ORDER: BuildOutcome[] = ['passed', 'failed', 'running', 'queued', 'canceled', 'not_built'];

export function outcomeCounts(rows: ConfigurationResultView[]): Array<{ outcome: BuildOutcome; count: number }> {
  return ORDER.map((outcome) => ({ outcome, count: rows.filter((r) => r.outcome === outcome).length })).filter((c) => c.count > 0);
}

/** "3 passed · 1 failed · 1 running" */
export function summaryText(rows: ConfigurationResultView[]): string {
  const counts = outcomeCounts(rows);
  return counts.length === 0 ? 'No build configurations' : counts.map((c) => `${c.count} ${OUTCOME_WORDS[c.outcome]}`).join(' · ');
}

export const isUnfinished = (b: ResultBuildView | null): b is ResultBuildView => b !== null && b.state !== 'finished';

/** A row with a refreshed build: its outcome follows, unless the row shows an older commit. */
export function withBuild(row: ConfigurationResultView, build: ResultBuildView): ConfigurationResultView {
  if (row.build?.id !== build.id) return row;
  return { ...row, build, outcome: row.forCommit ? build.outcome : row.outcome };
}

const RANK: BuildOutcome[] = ['failed', 'running', 'queued', 'passed', 'canceled', 'not_built'];
export const sortRows = (rows: ConfigurationResultView[]) =>
  [...rows].sort(
    (a, b) =>
      RANK.indexOf(a.outcome) - RANK.indexOf(b.outcome) || a.projectName.localeCompare(b.projectName) || a.name.localeCompare(b.name),
  );

export function durationText(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m ${Math.round(seconds % 60)}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function buildDuration(b: ResultBuildView): string | null {
  if (b.state === 'running' && b.elapsedSeconds !== undefined) return durationText(b.elapsedSeconds);
  if (!b.startedAt || !b.finishedAt) return null;
  return durationText((Date.parse(b.finishedAt) - Date.parse(b.startedAt)) / 1000);
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
