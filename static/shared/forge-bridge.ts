/**
 * The parts of @forge/bridge the Custom UI uses. The package index is CommonJS and loads every bridge API
 * (rovo, realtime, i18n, iframe-resizer, ...), which a bundler cannot tree-shake: ~20 KB gzip against
 * ~1.5 KB for these modules. scripts/build-static.mjs resolves `@forge/bridge/out/*` for esbuild, since the
 * package's export map lists only the index. These modules are CommonJS too, so every one exported here
 * lands in every app that imports this file: APIs only one app needs live in their own file (forge-view.ts).
 */
export { invoke } from '@forge/bridge/out/invoke/invoke';
export { router } from '@forge/bridge/out/router/router';
export { theme } from '@forge/bridge/out/view/theme';
