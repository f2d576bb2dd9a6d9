/**
 * jest's node environment, except that the app's log lines (src/logging/log.ts) are held back per test and
 * printed only when that test (or the hook around it) fails: a passing run stays readable, a failing test shows
 * what its own run logged. Everything else a test prints goes through as usual.
 *
 * The lines still go through `console.log`, so a suite that replaces it (the secret canary's output capture)
 * sees every one of them first.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';
import { isLogLine } from '../../src/logging/log';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Method = (typeof METHODS)[number];
type BufferEntry = { message: string; origin: string; type: string };

const fullName = (test: Circus.TestEntry): string => {
  const names: string[] = [];
  for (let block: Circus.TestEntry | Circus.DescribeBlock | undefined = test; block; block = block.parent) {
    if (block.name !== 'ROOT_DESCRIBE_BLOCK') names.unshift(block.name);
  }
  return names.join(' › ');
};

/** What the environment does with the log lines of the test under way. */
type Holder = { begin(): void; keep(header: string): void; drop(): void };

/**
 * jest's default console buffers everything until the file finishes: lines of a passing test are taken out of
 * that buffer again, so every other line keeps its place and its "at file:line" origin.
 */
function bufferHolder(buffer: BufferEntry[]): Holder {
  let start = 0;
  return {
    begin: () => void (start = buffer.length),
    keep: () => void (start = buffer.length),
    drop() {
      const since = buffer.splice(start);
      buffer.push(...since.filter((entry) => !isLogLine(entry.message)));
      start = buffer.length;
    },
  };
}

/** With `--verbose` (or one test file) jest prints at once: log lines wait in a list until the test ends. */
function streamHolder(testConsole: Record<Method, (...args: unknown[]) => void>): Holder {
  let held: string[] = [];
  const print = testConsole.log.bind(testConsole);
  for (const method of METHODS) {
    const original = testConsole[method].bind(testConsole);
    testConsole[method] = (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'string' && isLogLine(args[0])) held.push(args[0]);
      else original(...args);
    };
  }
  return {
    begin: () => void (held = []),
    keep(header) {
      if (held.length > 0) print(`${header}:\n${held.join('\n')}`);
      held = [];
    },
    drop: () => void (held = []),
  };
}

export default class QuietLogEnvironment extends NodeEnvironment {
  private readonly holder: Holder;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    // `getBuffer()` answers undefined while the buffer is empty, so the array itself is taken.
    const buffer = (context.console as unknown as { _buffer?: unknown })._buffer;
    this.holder = Array.isArray(buffer)
      ? bufferHolder(buffer as BufferEntry[])
      : streamHolder(context.console as unknown as Record<Method, (...args: unknown[]) => void>);
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    switch (event.name) {
      case 'test_start':
        this.holder.drop();
        this.holder.begin();
        break;
      case 'test_done':
        if (event.test.errors.length > 0) this.holder.keep(`Log lines of the failed test "${fullName(event.test)}"`);
        else this.holder.drop();
        break;
      case 'hook_failure':
        this.holder.keep(`Log lines before the failed ${event.hook.type} hook`);
        break;
      case 'run_finish':
        this.holder.drop();
        break;
    }
  }
}
