/**
 * Restates the TeamCity client's errors for the build dialog (a rejected token is restated once, for every
 * call, by the build service's withToken): who may fix what, in the words of running a build. Codes stay as the
 * client set them (the UI keys on 'unauthorized' to offer replacing the token). The wording comes from the
 * failure's facts (teamcity-error-messages.ts), whose TeamCity detail was scrubbed of the token at the client.
 */
import { publicError, type AppError } from '../shared/result';
import type { TeamCityError } from '../teamcity/teamcity-client';
import { buildDialogMessage, type BuildSituation } from '../teamcity/teamcity-error-messages';
import { displayUrl } from '../teamcity/teamcity-redact';

function restated(error: TeamCityError, serverUrl: string, situation: BuildSituation): AppError {
  const message = buildDialogMessage(error.teamcity, displayUrl(serverUrl), situation);
  return message === undefined ? publicError(error) : { code: error.code, message };
}

/** A token TeamCity no longer accepts, whatever the call was. */
export const tokenRejected = (error: TeamCityError, serverUrl: string): AppError =>
  restated({ ...error, code: 'unauthorized' }, serverUrl, { kind: 'stored_token' });

export type TriggerFailureContext = { serverUrl: string; buildTypeId: string; projectName?: string; buildTypeName?: string };

export function triggerFailure(error: TeamCityError, ctx: TriggerFailureContext): AppError {
  const configuration = ctx.buildTypeName ? `"${ctx.buildTypeName}" (${ctx.buildTypeId})` : ctx.buildTypeId;
  const project = ctx.projectName ? `"${ctx.projectName}"` : `the project of ${ctx.buildTypeId}`;
  return restated(error, ctx.serverUrl, { kind: 'trigger', configuration, project });
}

/** For reading, cancelling and listing builds: `action` completes "not allowed to …", `missing` names what a 404 lost. */
export const buildFailure = (error: TeamCityError, serverUrl: string, action: string, missing: string): AppError =>
  restated(error, serverUrl, { kind: 'build', action, missing });
