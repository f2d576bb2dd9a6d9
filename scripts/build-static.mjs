/**
 * Builds every Custom UI resource: static/<app>/src/index.tsx -> static/<app>/dist/ (index.html + hashed
 * ESM chunks + one CSS file). index.html has no inline script: Forge's CSP forbids it, and both Forge and
 * the local host inject their own bridge <script> before the first script tag.
 *
 * Usage: node scripts/build-static.mjs [app ...]   (no arguments: every app in APPS whose src exists)
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One line per Custom UI resource; an app whose src/index.tsx is missing is skipped, not an error. */
const APPS = [
  { name: 'settings-page', title: 'TeamCity access tokens', budgetGzipBytes: 150 * 1024 },
  { name: 'build-modal', title: 'Run a TeamCity build', budgetGzipBytes: 180 * 1024 },
  { name: 'admin-page', title: 'TeamCity workspace settings', budgetGzipBytes: 150 * 1024 },
  { name: 'repo-settings', title: 'TeamCity repository settings', budgetGzipBytes: 160 * 1024 },
  { name: 'build-results', title: 'TeamCity builds', budgetGzipBytes: 160 * 1024 },
];

/**
 * Atlaskit ships @compiled atomic CSS as one `.compiled.css` file per component. Concatenated, the same
 * atomic rule appears many times and a base rule from a later file can land after a `:hover` rule from an
 * earlier one, which breaks the cascade Compiled relies on. Compiled's own bundler plugins dedupe and sort
 * (plain, then pseudo-classes in LVFHA order, then at-rules); this does the same for esbuild's output.
 */
const PSEUDO_ORDER = [':link', ':visited', ':focus-within', ':focus', ':focus-visible', ':hover', ':active'];
// ':focus' must not match inside ':focus-within' or ':focus-visible'.
const PSEUDO_PATTERNS = PSEUDO_ORDER.map((pseudo) => new RegExp(`${pseudo}(?![a-z-])`));

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

/** Where a rule goes: other CSS first (reset, keyframes), then atomic rules by pseudo-class, at-rules last. */
function ruleRank(rule) {
  if (rule.startsWith('@media') || rule.startsWith('@supports')) return PSEUDO_ORDER.length + 1;
  if (!rule.startsWith('._')) return -1;
  const selector = rule.slice(0, rule.indexOf('{'));
  let rank = 0;
  PSEUDO_PATTERNS.forEach((pattern, index) => {
    if (pattern.test(selector)) rank = index + 1;
  });
  return rank;
}

function sortCompiledCss(css) {
  const unique = [...new Set(splitTopLevelRules(css))];
  const isHead = (rule) => rule.startsWith('@charset') || rule.startsWith('@import');
  const sorted = unique
    .filter((rule) => !isHead(rule))
    .map((rule, index) => ({ rule, index, rank: ruleRank(rule) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ rule }) => rule);
  return [...unique.filter(isHead), ...sorted].join('');
}

/**
 * Atlaskit asks Atlassian's feature-gate service (Statsig, ~60 KB) whether to turn on unreleased
 * behaviour. Nothing initialises that client in a Forge iframe, where every gate answers false and every
 * experiment its default; this module gives the same answers without shipping the client.
 */
const FEATURE_GATES_OFF = `
const FeatureGates = {
  checkGate: () => false,
  getExperimentValue: (_experiment, _parameter, defaultValue) => defaultValue,
  initializeCalled: () => false,
  initializeCompleted: () => false,
};
export default FeatureGates;
`;

const featureGatesOff = {
  name: 'feature-gates-off',
  setup(builder) {
    builder.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/ }, (args) => ({
      path: args.path,
      namespace: 'feature-gates-off',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'feature-gates-off' }, () => ({ contents: FEATURE_GATES_OFF, loader: 'js' }));
  },
};

/**
 * @forge/bridge's export map lists only its CommonJS index, which loads every bridge API and cannot be
 * tree-shaken. static/shared/forge-bridge.ts imports the few `out/` modules it needs; this resolves them.
 */
const forgeBridgeModules = {
  name: 'forge-bridge-modules',
  setup(builder) {
    const outDir = join(ROOT, 'node_modules', '@forge', 'bridge', 'out');
    builder.onResolve({ filter: /^@forge\/bridge\/out\// }, (args) => {
      const file = join(outDir, `${args.path.slice('@forge/bridge/out/'.length)}.js`);
      if (!existsSync(file)) return { errors: [{ text: `No such @forge/bridge module: ${args.path}` }] };
      return { path: file };
    });
  },
};

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
    define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}' },
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
    legalComments: 'none',
    plugins: [featureGatesOff, forgeBridgeModules],
    logLevel: 'warning',
  });

  const toOutRel = (metaPath) => relative(outdir, join(ROOT, metaPath)).split('\\').join('/');
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([path, meta]) => [toOutRel(path), meta]));
  const entryInput = relative(ROOT, entry).split('\\').join('/');
  // Every lazy chunk also carries `entryPoint` (its dynamic-import target); the page's entry is ours.
  const entryJs = Object.keys(outputs).find((file) => file.endsWith('.js') && outputs[file].entryPoint === entryInput);
  if (!entryJs) throw new Error(`${app.name}: esbuild produced no entry chunk`);

  const files = [];
  const record = (rel, contents) => {
    mkdirSync(dirname(join(outdir, rel)), { recursive: true });
    writeFileSync(join(outdir, rel), contents);
    files.push({ file: rel, bytes: contents.length, gzipBytes: gzipSync(contents, { level: 9 }).length });
  };
  // esbuild emits one CSS file per chunk and does not load a lazy chunk's CSS. Atomic rules must also be
  // ordered across all of them, so the page gets a single stylesheet with every rule, sorted once.
  const cssParts = [];
  for (const file of result.outputFiles) {
    const rel = toOutRel(relative(ROOT, file.path));
    if (rel.endsWith('.css')) cssParts.push({ rel, text: file.text });
    else record(rel, file.contents);
  }
  cssParts.sort((a, b) => (a.rel === entryJs.replace(/\.js$/, '.css') ? -1 : b.rel === entryJs.replace(/\.js$/, '.css') ? 1 : 0));
  const css = Buffer.from(sortCompiledCss(cssParts.map((part) => part.text).join('\n')));
  const cssFile = `styles-${createHash('sha256').update(css).digest('hex').slice(0, 8).toUpperCase()}.css`;
  record(cssFile, css);
  writeFileSync(join(outdir, 'index.html'), htmlPage(app.title, entryJs, [cssFile]));

  /** The chunks `roots` load before running: themselves plus everything they import statically. */
  const closure = (roots) => {
    const seen = new Set(roots);
    const queue = [...roots];
    while (queue.length > 0) {
      for (const imported of outputs[queue.shift()]?.imports ?? []) {
        const rel = toOutRel(imported.path);
        if (imported.kind === 'import-statement' && !seen.has(rel)) {
          seen.add(rel);
          queue.push(rel);
        }
      }
    }
    return seen;
  };
  // Budgeted: what the page must download before it can render (entry + its static imports). Also
  // reported: that plus our own lazy code (dialogs, prefetched after first paint). Lazy chunks libraries
  // declare but this app never triggers (other themes, drag-and-drop table ranking) are listed only.
  const initialJs = closure([entryJs]);
  const ownLazyRoots = Object.keys(outputs).filter(
    (file) => file.endsWith('.js') && outputs[file].entryPoint?.startsWith(`static/`) && file !== entryJs,
  );
  const usedJs = closure([entryJs, ...ownLazyRoots]);
  const sum = (predicate, key) => files.filter((f) => predicate(f.file)).reduce((total, f) => total + f[key], 0);
  const isJs = (file) => file.endsWith('.js');
  const jsRaw = sum(isJs, 'bytes');
  const jsGzip = sum(isJs, 'gzipBytes');
  const initialRaw = sum((file) => initialJs.has(file), 'bytes');
  const initialGzip = sum((file) => initialJs.has(file), 'gzipBytes');
  const usedRaw = sum((file) => usedJs.has(file), 'bytes');
  const usedGzip = sum((file) => usedJs.has(file), 'gzipBytes');

  const stats = {
    app: app.name,
    builtAt: new Date().toISOString(),
    entry: entryJs,
    js: {
      initialBytes: initialRaw,
      initialGzipBytes: initialGzip,
      withLazyBytes: usedRaw,
      withLazyGzipBytes: usedGzip,
      allChunksBytes: jsRaw,
      allChunksGzipBytes: jsGzip,
    },
    css: { bytes: sum((file) => file.endsWith('.css'), 'bytes'), gzipBytes: sum((file) => file.endsWith('.css'), 'gzipBytes') },
    budgetGzipBytes: app.budgetGzipBytes,
    withinBudget: initialGzip <= app.budgetGzipBytes,
    files,
  };
  writeFileSync(join(outdir, 'build-stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  if (process.env.BUILD_METAFILE) writeFileSync(join(outdir, 'metafile.json'), JSON.stringify(result.metafile));

  console.log(
    `- ${app.name}: first-paint JS ${kib(initialRaw)} raw, ${kib(initialGzip)} gzip ` +
      `(budget ${kib(app.budgetGzipBytes)}); with lazy dialogs ${kib(usedRaw)} raw, ${kib(usedGzip)} gzip; ` +
      `all emitted chunks ${kib(jsGzip)} gzip; CSS ${kib(stats.css.bytes)} raw, ${kib(stats.css.gzipBytes)} gzip` +
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
  let failed = false;
  for (const app of apps) {
    try {
      const built = await buildApp(app);
      if (built && !built.withinBudget) failed = true;
    } catch (error) {
      // One broken app must not hide the others' results; the exit code still fails the build.
      failed = true;
      console.error(`- ${app.name}: FAILED: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
