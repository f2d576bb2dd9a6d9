/**
 * Collects everything the process prints while a test runs (console methods and raw stdout/stderr writes),
 * so a suite can search it for secrets or keep 2,000 resolver log lines out of jest's output.
 */
type Writer = typeof process.stdout.write;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export type OutputCapture = { lines: string[]; stop(): void };

export function captureOutput(options: { passThrough: boolean }): OutputCapture {
  const lines: string[] = [];
  const originals = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const [method, original] of originals) {
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message}\n${a.stack}` : safeJson(a))).join(' '));
      if (options.passThrough) original.apply(console, args);
    };
  }
  const streams = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return options.passThrough ? (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest) : true;
    }) as Writer;
    return [stream, original] as const;
  });
  return {
    lines,
    stop() {
      for (const [method, original] of originals) console[method] = original;
      for (const [stream, original] of streams) stream.write = original;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
