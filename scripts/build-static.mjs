/**
 * Builds every Custom UI resource: static/<app>/src/index.tsx -> static/<app>/dist/ (index.html + hashed
 * ESM chunks + one CSS file). index.html has no inline script: Forge's CSP forbids it, and both Forge and
 * the local host inject their own bridge <script> before the first script tag.
 *
 * Usage: node scripts/build-static.mjs [app ...]   (no arguments: every app in APPS whose src exists)
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One line per Custom UI resource; an app whose src/index.tsx is missing is skipped, not an error. */
const APPS = [
  { name: 'settings-page', title: 'TeamCity access tokens', budgetGzipBytes: 150 * 1024 },
  { name: 'build-modal', title: 'Run a TeamCity build', budgetGzipBytes: 150 * 1024 },
];

/**
 * Atlaskit ships @compiled atomic CSS as one `.compiled.css` file per component. Concatenated, the same
 * atomic rule appears many times and a base rule from a later file can land after a `:hover` rule from an
 * earlier one, which breaks the cascade Compiled relies on. Compiled's own bundler plugins dedupe and sort
 * (plain, then pseudo-classes in LVFHA order, then at-rules); this does the same for esbuild's output.
 */
const PSEUDO_ORDER = [':link', ':visited', ':focus-within', ':focus', ':focus-visible', ':hover', ':active'];

function splitTopLevelRules(css) {
  const rules = [];
  let depth = 0;
  let start = 0;
  let quote = null;
  for (let i = 0; i < css.length; i += 1) {
    const ch = css[i];
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) {
        rules.push(css.slice(start, i + 1).trim());
        start = i + 1;
      }
    } else if (ch === ';' && depth === 0) {
      // Statement at-rules such as @charset or @import end with ';' rather than a block.
      rules.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return rules.filter((rule) => rule.length > 0);
}

function atomicRank(rule) {
  if (!rule.startsWith('._')) return -1; // non-atomic (css-reset, keyframes, ...) keeps its place up front
  if (rule.startsWith('@')) return PSEUDO_ORDER.length + 1;
  const selector = rule.slice(0, rule.indexOf('{'));
  let rank = 0;
  PSEUDO_ORDER.forEach((pseudo, index) => {
    if (selector.includes(pseudo)) rank = index + 1;
  });
  return rank;
}

function sortCompiledCss(css) {
  const unique = [...new Set(splitTopLevelRules(css))];
  const rank = (rule) => (rule.startsWith('@media') || rule.startsWith('@supports') ? PSEUDO_ORDER.length + 1 : atomicRank(rule));
  const head = unique.filter((rule) => rule.startsWith('@charset') || rule.startsWith('@import'));
  const body = unique.filter((rule) => !head.includes(rule));
  const sorted = body
    .map((rule, index) => ({ rule, index, rank: rank(rule) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ rule }) => rule);
  return [...head, ...sorted].join('');
}

function htmlPage(title, entryJs, cssFiles) {
  const links = cssFiles.map((file) => `    <link rel="stylesheet" href="./${file}" />`).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
${links}
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./${entryJs}"></script>
  </body>
</html>
`;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function buildApp(app) {
  const appDir = join(ROOT, 'static', app.name);
  const entry = join(appDir, 'src', 'index.tsx');
  if (!existsSync(entry)) {
    console.log(`- ${app.name}: skipped (no src/index.tsx)`);
    return null;
  }
  const outdir = join(appDir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const result = await build({
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    treeShaking: true,
    sourcemap: false,
    metafile: true,
    write: false,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    platform: 'browser',
    jsx: 'automatic',
    // Atlaskit's esm builds read the es2019 field-free "module" entry; prefer it over CommonJS "main".
    mainFields: ['browser', 'module', 'main'],
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    publicPath: '.',
    define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}' },
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
    legalComments: 'none',
    logLevel: 'warning',
  });

  let entryJs = null;
  const cssFiles = [];
  let jsRaw = 0;
  let jsGzip = 0;
  let entryGzip = 0;
  const files = [];
  for (const file of result.outputFiles) {
    const rel = relative(outdir, file.path).split('\\').join('/');
    let contents = file.contents;
    if (rel.endsWith('.css')) {
      contents = Buffer.from(sortCompiledCss(file.text));
      cssFiles.push(rel);
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, contents);
    const gzip = gzipSync(contents, { level: 9 }).length;
    files.push({ file: rel, bytes: contents.length, gzipBytes: gzip });
    if (rel.endsWith('.js')) {
      jsRaw += contents.length;
      jsGzip += gzip;
      const meta = result.metafile.outputs[relative(ROOT, file.path).split('\\').join('/')];
      if (meta?.entryPoint) {
        entryJs = rel;
        entryGzip = gzip;
      }
    }
  }
  if (!entryJs) throw new Error(`${app.name}: esbuild produced no entry chunk`);
  writeFileSync(join(outdir, 'index.html'), htmlPage(app.title, entryJs, cssFiles));

  // The first paint needs the entry chunk plus the chunks it imports statically; lazy chunks come later.
  const initialJs = new Set([entryJs]);
  const queue = [entryJs];
  while (queue.length > 0) {
    const current = queue.shift();
    const meta = result.metafile.outputs[relative(ROOT, join(outdir, current)).split('\\').join('/')];
    for (const imported of meta?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      const rel = relative(outdir, join(ROOT, imported.path)).split('\\').join('/');
      if (!initialJs.has(rel)) {
        initialJs.add(rel);
        queue.push(rel);
      }
    }
  }
  const initialGzip = files.filter((f) => initialJs.has(f.file)).reduce((sum, f) => sum + f.gzipBytes, 0);

  const stats = {
    app: app.name,
    builtAt: new Date().toISOString(),
    entry: entryJs,
    js: { bytes: jsRaw, gzipBytes: jsGzip, initialGzipBytes: initialGzip, entryGzipBytes: entryGzip },
    css: files.filter((f) => f.file.endsWith('.css')).reduce((s, f) => ({ bytes: s.bytes + f.bytes, gzipBytes: s.gzipBytes + f.gzipBytes }), { bytes: 0, gzipBytes: 0 }),
    budgetGzipBytes: app.budgetGzipBytes,
    withinBudget: jsGzip <= app.budgetGzipBytes,
    files,
  };
  writeFileSync(join(outdir, 'build-stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  if (process.env.BUILD_METAFILE) writeFileSync(join(outdir, 'metafile.json'), JSON.stringify(result.metafile));

  console.log(
    `- ${app.name}: JS ${kib(jsRaw)} raw, ${kib(jsGzip)} gzip (initial ${kib(initialGzip)} gzip), ` +
      `CSS ${kib(stats.css.bytes)} raw, ${kib(stats.css.gzipBytes)} gzip; budget ${kib(app.budgetGzipBytes)} gzip JS` +
      (stats.withinBudget ? '' : '  <-- OVER BUDGET'),
  );
  return stats;
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length > 0) throw new Error(`Unknown app(s): ${unknown.join(', ')}`);
  const apps = requested.length > 0 ? APPS.filter((app) => requested.includes(app.name)) : APPS;
  console.log('Building Custom UI resources');
  const stats = [];
  for (const app of apps) {
    const built = await buildApp(app);
    if (built) stats.push(built);
  }
  if (stats.some((s) => !s.withinBudget)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
