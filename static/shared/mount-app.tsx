/**
 * Starts a Custom UI app the same way for every module: Bitbucket's base styles, the product's theme
 * (light/dark) when the Forge host offers it, and React 18's root.
 */
import '@atlaskit/css-reset';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { theme } from './forge-bridge';

export function mountApp(app: ReactElement, container: HTMLElement | null = document.getElementById('root')): void {
  if (!container) throw new Error('The page has no #root element to render into.');
  // Without a theme the design tokens fall back to their light values, so a failure here is cosmetic.
  theme.enable().catch(() => undefined);
  createRoot(container).render(app);
}
