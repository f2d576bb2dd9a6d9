/** An error the real KVS service would answer with: a non-2xx status and a `{ code, message }` body. */
export class KvsServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsServiceError';
  }
}

export const badRequest = (message: string) => new KvsServiceError(400, 'BAD_REQUEST', message);
export const keyNotFound = () => new KvsServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
