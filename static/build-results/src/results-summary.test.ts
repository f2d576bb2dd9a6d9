import type { ConfigurationResultView, ResultBuildView } from '../../../src/shared/schemas';
import { durationText, sortRows, summaryText, withBuild } from './results-summary';

const build = (over: Partial<ResultBuildView>): ResultBuildView => ({
  id: 1,
  buildTypeId: 'A',
  state: 'finished',
  outcome: 'passed',
  failedToStart: false,
  ...over,
});
const row = (id: string, outcome: ConfigurationResultView['outcome'], b: ResultBuildView | null = null, forCommit = true) => ({
  id,
  name: id,
  projectName: 'P',
  paused: false,
  build: b,
  forCommit,
  outcome,
});

describe('results summary', () => {
  it('sums up configurations in the card order and sorts rows in the panel order', () => {
    const rows = [row('a', 'passed'), row('b', 'failed'), row('c', 'not_built'), row('d', 'running'), row('e', 'passed')];
    expect(summaryText(rows)).toBe('2 passed · 1 failed · 1 running · 1 not built');
    expect(sortRows(rows).map((r) => r.id)).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(summaryText([])).toBe('No build configurations');
  });

  it('a finished poll result changes the outcome, but not for a row that shows an older commit', () => {
    const running = build({ id: 7, state: 'running', outcome: 'running' });
    const done = build({ id: 7, state: 'finished', outcome: 'failed' });
    expect(withBuild(row('a', 'running', running), done)).toMatchObject({ outcome: 'failed', build: { state: 'finished' } });
    expect(withBuild(row('a', 'not_built', running, false), done)).toMatchObject({ outcome: 'not_built' });
    expect(withBuild(row('a', 'running', running), build({ id: 8 }))).toMatchObject({ build: { id: 7 } });
  });

  it('says durations the way people read them', () => {
    expect(durationText(42)).toBe('42s');
    expect(durationText(125)).toBe('2m 5s');
    expect(durationText(3 * 3600 + 120)).toBe('3h 2m');
  });
});
