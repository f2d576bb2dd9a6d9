import { MAX_MESSAGE, outcomeMessage, type ConfigurationOutcome } from './merge-check-message';

const COMMIT = 'a'.repeat(40);
const build = (number: string) => ({ id: 1, buildTypeId: 'X', number, state: 'finished' as const, canceled: false, revisions: [COMMIT] });

describe('merge check message', () => {
  it('names every passed build when all passed', () => {
    const result = outcomeMessage(COMMIT, [
      { kind: 'passed', name: 'Build', build: build('12') },
      { kind: 'passed', name: 'Unit Tests', build: build('8') },
    ]);
    expect(result).toEqual({ success: true, message: 'TeamCity builds passed on aaaaaaaaaaaa: Build #12; Unit Tests #8.' });
  });

  it('lists failures before what is still running, and asks for a re-run only when all are just waiting', () => {
    const failing = outcomeMessage(COMMIT, [
      { kind: 'running', name: 'Lint', build: { ...build('3'), state: 'running' } },
      { kind: 'failed', name: 'Build', build: build('13') },
      { kind: 'passed', name: 'Docs', build: build('1') },
    ]);
    expect(failing).toEqual({
      success: false,
      message: '2 of 3 required TeamCity builds not passed on aaaaaaaaaaaa: Build #13 failed; Lint #3 is still running.',
    });
    const waiting = outcomeMessage(COMMIT, [{ kind: 'queued', name: 'Build', build: { ...build(''), state: 'queued' } }]);
    expect(waiting.message).toMatch(/Build is queued\. Re-run this check when they finish\.$/);
  });

  it(`stays within ${MAX_MESSAGE} characters for 50 configurations and says how many more`, () => {
    const outcomes: ConfigurationOutcome[] = Array.from({ length: 50 }, (_, i) => ({
      kind: 'missing',
      name: `Configuration with a long name ${i}`,
    }));
    const { success, message } = outcomeMessage(COMMIT, outcomes);
    expect(success).toBe(false);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(message).toMatch(/; and \d+ more\.$/);
  });
});
