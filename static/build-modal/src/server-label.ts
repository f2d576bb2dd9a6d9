/** How a TeamCity server reads in the modal: its host, and whose token is used there. */
import type { TokenView } from '../../../src/shared/schemas';

function serverHost(serverUrl: string): string {
  try {
    const url = new URL(serverUrl);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')}`;
  } catch {
    return serverUrl;
  }
}

export function serverLabel(server: TokenView): string {
  const who = server.teamcityUserDisplayName || server.teamcityUsername;
  return who ? `${serverHost(server.serverUrl)} (as ${who})` : serverHost(server.serverUrl);
}
