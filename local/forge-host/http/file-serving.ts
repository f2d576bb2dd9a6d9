/** Serves a file from inside a directory, refusing any path that would leave it. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { send, sendText } from './responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeFor = (file: string) => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The absolute path of `relative` inside `root`, or undefined when it would escape `root`. */
export function resolveInside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = path.resolve(root, `.${path.sep}${decoded}`);
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

export async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  const full = resolveInside(path.resolve(root), relative);
  const content = full ? await fs.readFile(full).catch(() => undefined) : undefined;
  if (!content || !full) return sendText(res, 404, 'Not found');
  send(res, 200, contentTypeFor(full), content);
}
