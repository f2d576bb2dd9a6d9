/**
 * The resolver backend as Forge would load it: src/index.ts bundled for Node with everything but Node's
 * builtins inlined, then required in fresh processes, as a cold start does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { info, kib, median, runStandalone, type Figure } from './figure';

const ENTRY = path.resolve(__dirname, '..', 'src', 'index.ts');
const RUNS = 7;

/** Prints only the require's own duration, so process start-up is not counted as import time. */
const TIMED_REQUIRE = `const t=performance.now();require(process.argv[1]);process.stdout.write(String(performance.now()-t));`;

async function bundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'error',
  });
}

function timeRequire(file: string): { requireMs: number; processMs: number } {
  const started = performance.now();
  const out = execFileSync(process.execPath, ['-e', TIMED_REQUIRE, file], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH },
  });
  return { requireMs: Number(out), processMs: performance.now() - started };
}

export async function backendColdImportFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-backend-'));
  try {
    const file = path.join(dir, 'index.js');
    await bundle(file);
    const bytes = statSync(file).size;
    const runs = Array.from({ length: RUNS }, () => timeRequire(file));
    return [
      info('resolver backend bundle size (esbuild, node, minified)', kib(bytes)),
      info(`resolver backend cold require, median of ${RUNS} fresh processes`, `${median(runs.map((r) => r.requireMs)).toFixed(1)} ms`),
      info(`node start + require, median of ${RUNS} fresh processes`, `${median(runs.map((r) => r.processMs)).toFixed(1)} ms`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runStandalone(module, backendColdImportFigures);
