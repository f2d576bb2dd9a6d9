/**
 * Design tokens for inline styles. `token()` at run time yields a bare `var(--ds-…)`; Atlaskit's own
 * components have fallbacks compiled in, but an inline style has none, so until the product theme's CSS
 * variables load (or where the host never loads them) the property would be dropped. These fallbacks are
 * the light theme's values from @atlaskit/tokens' token-default-values.
 */
import { token } from '@atlaskit/tokens';

type TokenName = Parameters<typeof token>[0];

const LIGHT_FALLBACKS = {
  'border.width': '0.0625rem',
  'border.width.selected': '0.125rem',
  'color.background.neutral.subtle.hovered': '#0515240F',
  'color.background.selected': '#E9F2FE',
  'color.background.selected.bold': '#1868DB',
  'color.border': '#0B120E24',
  'color.icon.subtle': '#505258',
  'color.text.subtle': '#505258',
  'elevation.shadow.raised': '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214F',
  'elevation.surface': '#FFFFFF',
  'elevation.surface.raised': '#FFFFFF',
  'font.code': 'normal 400 0.875em/1 "Atlassian Mono", ui-monospace, Menlo, "Segoe UI Mono", "Ubuntu Mono", monospace',
  'radius.large': '0.5rem',
  'radius.medium': '0.375rem',
} as const satisfies Partial<Record<TokenName, string>>;

export type InlineToken = keyof typeof LIGHT_FALLBACKS;

/**
 * A design token with its light-theme value as the CSS fallback. Spacing is not here: the primitives' spacing
 * props (Box padding, Stack space) carry compiled fallbacks of their own.
 */
// eslint-disable-next-line @atlaskit/design-system/no-unsafe-design-token-usage -- the rule assumes @atlaskit/babel-plugin-tokens, which inlines names and inserts fallbacks at build time; this esbuild build has no such plugin, so the fallback is supplied here and InlineToken keeps the names checked
export const designToken = (name: InlineToken): string => token(name, LIGHT_FALLBACKS[name]);
