/**
 * The Content-Security-Policy of a Custom UI resource, built from the manifest as Forge builds it: the
 * resource's own origin, plus exactly what `permissions.content` and `permissions.external` declare. Without
 * `content.styles: [unsafe-inline]` Atlaskit's run-time styles are blocked, as they would be in Bitbucket.
 * https://developer.atlassian.com/platform/forge/manifest-reference/permissions/#content-security-and-egress-controls
 */
import type { AppManifest } from '../runtime/app-manifest';

/** Keywords are quoted in CSP; `unsafe-inline` in the manifest is `'unsafe-inline'` in the header. */
const KEYWORDS = new Set(['unsafe-inline', 'unsafe-hashes', 'unsafe-eval', 'self', 'none']);
const source = (value: string) => (KEYWORDS.has(value) || /^(sha256|sha384|sha512|nonce)-/.test(value) ? `'${value}'` : value);
const directive = (name: string, values: string[]) => [name, ...new Set(values)].join(' ');

export function customUiCsp(manifest: AppManifest): string {
  const { content, external } = manifest;
  return [
    directive('default-src', ["'self'"]),
    directive('script-src', ["'self'", ...content.scripts.map(source), ...external.scripts]),
    directive('style-src', ["'self'", ...content.styles.map(source), ...external.styles]),
    directive('img-src', ["'self'", 'data:', 'blob:', ...external.images]),
    directive('font-src', ["'self'", 'data:', ...external.fonts]),
    directive('connect-src', ["'self'", ...external.fetchClient]),
    directive('frame-src', ["'self'", ...external.frames]),
    directive('media-src', ["'self'", ...external.media]),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
