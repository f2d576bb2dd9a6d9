import { fail, type Result } from '../shared/result';
import { logEvent } from '../logging/log';
import { TokenDeletedWhileSavingError } from '../stores/token-store';

/**
 * Storage failures become a typed error the UI can show. Only the error's class name is logged: a storage
 * exception can quote the request, and a request may hold a token.
 */
const NOTHING_CHANGED = "Bitbucket couldn't read or save your TeamCity settings just now. Nothing was changed; try again in a moment.";

/** `message` replaces the default where a failure may come after something was already changed. */
export const guardStorage = async <T>(work: () => Promise<Result<T>>, message = NOTHING_CHANGED): Promise<Result<T>> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TokenDeletedWhileSavingError) {
      return fail(
        'conflict',
        'This token was deleted in another window while it was being saved, so it was not kept. Add it again if you still need it.',
      );
    }
    logEvent('storage_failure', { error: error instanceof Error ? error.name : typeof error });
    return fail('storage_error', message);
  }
};
