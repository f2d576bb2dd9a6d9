/**
 * Restates the TeamCity client's errors for the build dialog (a rejected token is restated once, for every
 * call, by the build service's withToken): who may fix what, in the words of running a
 * build. Codes stay as the client set them (the UI keys on 'unauthorized' to offer replacing the token); the
 * client's quoted TeamCity detail is kept, and it has already been scrubbed of the token.
 */
import type { AppError } from '../shared/result';
import { displayUrl } from '../teamcity/teamcity-redact';

/** The client ends messages with ` TeamCity said: "<detail>"`. */
const detailOf = (error: AppError): string => {
  const detail = /TeamCity said: "([\s\S]*)"\s*$/.exec(error.message)?.[1];
  return detail ? ` TeamCity said: "${detail}"` : '';
};

/** A token TeamCity no longer accepts, whatever the call was. */
export function tokenRejected(error: AppError, serverUrl: string): AppError {
  return {
    code: 'unauthorized',
    message:
      `TeamCity at ${displayUrl(serverUrl)} no longer accepts your access token: it may have expired or been revoked. ` +
      `Create a new token in TeamCity (My Profile > Access tokens) and replace this one in your personal settings under TeamCity.${detailOf(error)}`,
  };
}

export type TriggerFailureContext = { serverUrl: string; buildTypeId: string; projectName?: string; buildTypeName?: string };

const configurationName = (ctx: TriggerFailureContext) =>
  ctx.buildTypeName ? `"${ctx.buildTypeName}" (${ctx.buildTypeId})` : ctx.buildTypeId;

export function triggerFailure(error: AppError, ctx: TriggerFailureContext): AppError {
  const configuration = configurationName(ctx);
  switch (error.code) {
    case 'forbidden': {
      const project = ctx.projectName ? `"${ctx.projectName}"` : `the project of ${ctx.buildTypeId}`;
      return {
        code: 'forbidden',
        message:
          `You don't have permission to run builds in ${project} on ${displayUrl(ctx.serverUrl)}. ` +
          `Ask a TeamCity administrator for the "Run build" permission there, or use a token of a user who has it.${detailOf(error)}`,
      };
    }
    case 'not_found':
      return {
        code: 'not_found',
        message:
          `The build configuration ${configuration} was not found on ${displayUrl(ctx.serverUrl)}: it may have been deleted or renamed, ` +
          `or your TeamCity user may not be allowed to see it. Choose the configuration again.${detailOf(error)}`,
      };
    default:
      return error;
  }
}

/**
 * The request that queues the build timed out: TeamCity may have queued it and only the answer was lost, so
 * "try again" alone could run it twice.
 */
export function triggerTimedOut(error: AppError, ctx: TriggerFailureContext): AppError {
  const configuration = configurationName(ctx);
  return {
    code: 'timeout',
    message: `${error.message} The build may have been queued all the same: check the recent builds of ${configuration} before running it again.`,
  };
}

/** For reading, cancelling and listing builds: `action` completes "not allowed to …", `missing` names what a 404 lost. */
export function buildFailure(error: AppError, serverUrl: string, action: string, missing: string): AppError {
  switch (error.code) {
    case 'forbidden':
      return {
        code: 'forbidden',
        message: `Your TeamCity user on ${displayUrl(serverUrl)} is not allowed to ${action}. Ask a TeamCity administrator for the permission.${detailOf(error)}`,
      };
    case 'not_found':
      return {
        code: 'not_found',
        message: `TeamCity at ${displayUrl(serverUrl)} has no ${missing} that your TeamCity user can see; it may have been deleted.${detailOf(error)}`,
      };
    default:
      return error;
  }
}
