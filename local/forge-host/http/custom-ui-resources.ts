/**
 * Serves a built Custom UI resource (static/<resource>/dist) the way Forge does, with the bridge script
 * loaded before the app's own scripts so `@forge/bridge` finds `window.__bridge` when it loads.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { placeholderPage } from '../pages/placeholder-page';
import { sendHtml } from './responses';
import { serveFile } from './file-serving';

export const BRIDGE_SCRIPT_TAG = '<script src="/__forge/bridge.js"></script>';
const RESOURCE_NAME = /^[a-z0-9][a-z0-9-]*$/;

export function injectBridge(indexHtml: string): string {
  const firstScript = indexHtml.search(/<script\b/i);
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + BRIDGE_SCRIPT_TAG + indexHtml.slice(firstScript);
  const headEnd = indexHtml.search(/<\/head>/i);
  return headEnd >= 0 ? indexHtml.slice(0, headEnd) + BRIDGE_SCRIPT_TAG + indexHtml.slice(headEnd) : BRIDGE_SCRIPT_TAG + indexHtml;
}

/** `rest` is what follows /__forge/resources/<resource>/ in the URL. */
export async function serveCustomUiResource(res: ServerResponse, staticDir: string, resource: string, rest: string): Promise<void> {
  if (!RESOURCE_NAME.test(resource))
    return sendHtml(res, 404, placeholderPage('Unknown resource', `"${resource}" is not a resource name.`));
  const distDir = path.join(staticDir, resource, 'dist');
  if (rest === '' || rest === 'index.html') {
    const indexHtml = await fs.readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => undefined);
    if (indexHtml === undefined) {
      return sendHtml(
        res,
        404,
        placeholderPage(
          `${resource} is not built yet`,
          `static/${resource}/dist/index.html does not exist. Run "npm run build" and reload.`,
        ),
      );
    }
    return sendHtml(res, 200, injectBridge(indexHtml));
  }
  return serveFile(res, distDir, rest);
}
