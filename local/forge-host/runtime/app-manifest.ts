/**
 * The parts of manifest.yml that Forge enforces at run time, read the way Forge reads them, so the local host
 * enforces what the deployed app will meet: scopes (product API calls), `permissions.content` and
 * `permissions.external` (the Custom UI's CSP and the backend's egress).
 * https://developer.atlassian.com/platform/forge/manifest-reference/permissions/
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type AppManifest = {
  scopes: string[];
  content: { scripts: string[]; styles: string[] };
  /** Egress and resource allowlists; each entry is an address pattern such as `*`, `*.example.com` or `https://x.y`. */
  external: {
    fetchBackend: string[];
    fetchClient: string[];
    images: string[];
    fonts: string[];
    styles: string[];
    scripts: string[];
    frames: string[];
    media: string[];
  };
};

export const DEFAULT_MANIFEST_PATH = path.resolve(__dirname, '../../../manifest.yml');

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).filter((v): v is string => typeof v === 'string');
/** Entries are `'host'` or `{ address: 'host', category?, inScopeEUD? }`; `{ remote: key }` names no address. */
const addresses = (value: unknown): string[] =>
  list(value)
    .map((entry) => (typeof entry === 'string' ? entry : obj(entry).address))
    .filter((a): a is string => typeof a === 'string' && a !== '');

export function readAppManifest(manifestPath: string = DEFAULT_MANIFEST_PATH): AppManifest {
  const permissions = obj(obj(parse(fs.readFileSync(manifestPath, 'utf8'))).permissions);
  const content = obj(permissions.content);
  const external = obj(permissions.external);
  const fetch = obj(external.fetch);
  return {
    scopes: strings(permissions.scopes),
    content: { scripts: strings(content.scripts), styles: strings(content.styles) },
    external: {
      fetchBackend: addresses(fetch.backend),
      fetchClient: addresses(fetch.client),
      images: addresses(external.images),
      fonts: addresses(external.fonts),
      styles: addresses(external.styles),
      scripts: addresses(external.scripts),
      frames: addresses(external.frames),
      media: addresses(external.media),
    },
  };
}
