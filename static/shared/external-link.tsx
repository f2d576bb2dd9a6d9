/**
 * Links that leave Bitbucket. Inside the Forge iframe a plain target=_blank is blocked by the sandbox, so
 * clicks go through `router.open`, which asks the user to confirm; the href stays real for
 * "copy link" and middle-click.
 */
import type { MouseEvent, ReactNode } from 'react';
import Link from '@atlaskit/link';
import { router } from './forge-bridge';

/** Forge (and the local host) install `window.__bridge` before the app's script runs; the same test as @forge/bridge's. */
const hasBridge = (): boolean => Boolean((window as { __bridge?: { callBridge?: unknown } }).__bridge?.callBridge);

export function openExternalUrl(url: string): void {
  router.open(url).catch(() => {
    // Outside Forge (a plain browser tab) the browser can open it itself. Inside, a rejection means the user
    // declined the host's confirmation, or the host refused: opening it anyway would override that.
    if (!hasBridge()) window.open(url, '_blank', 'noopener,noreferrer');
  });
}

export type ExternalLinkProps = {
  href: string;
  children: ReactNode;
  testId?: string;
};

export function ExternalLink({ href, children, testId }: ExternalLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Let modified clicks (new tab, new window) do what the user asked of the browser.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openExternalUrl(href);
  };
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" onClick={onClick} testId={testId}>
      {children}
    </Link>
  );
}
