/** What a user is told when Forge's time limit for one invocation (see deadline.ts) stands in the way. */
import { fail } from '../shared/result';
import { displayUrl } from '../teamcity/teamcity-redact';

/** Before anything was sent to TeamCity. */
export const outOfTime = (serverUrl: string) =>
  fail(
    'timeout',
    `There was no time left to ask TeamCity at ${displayUrl(serverUrl)} within Bitbucket's time limit for one request. ` +
      'Nothing was sent or changed; try again.',
  );

/** TeamCity answered, but too late to store the result safely. */
export const tooLateToSave = (serverUrl: string) =>
  fail(
    'timeout',
    `TeamCity at ${displayUrl(serverUrl)} answered too slowly to save the token within Bitbucket's time limit for one request. ` +
      'Nothing was saved; try again.',
  );
