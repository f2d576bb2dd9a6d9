/** What a user is told when the workspace's TeamCity policy stands in the way. */
import { fail } from '../shared/result';
import { listServers, type ServerPolicy } from '../shared/server-policy';
import { displayUrl } from '../teamcity/teamcity-redact';

const allowedList = (policy: ServerPolicy) => listServers(policy.allowedServers.map(displayUrl));

/** Adding or replacing a token for a server outside the allowlist; TeamCity is never contacted. */
export const addNotAllowed = (serverUrl: string, policy: ServerPolicy) =>
  fail(
    'server_not_allowed',
    `Your workspace admin allows TeamCity tokens only for ${allowedList(policy)}, not for ${displayUrl(serverUrl)}. ` +
      'Ask a workspace admin if you need another server.',
    'serverUrl',
  );

/** Running builds with a token whose server the admin has since taken off the allowlist. */
export const runNotAllowed = (serverUrl: string, policy: ServerPolicy) =>
  fail(
    'server_not_allowed',
    `Your workspace admin no longer allows running builds on ${displayUrl(serverUrl)}; allowed servers: ${allowedList(policy)}. ` +
      'Add a token for an allowed server in your personal settings under TeamCity, or ask a workspace admin.',
  );
