import type { AddTokenRequest } from '../../src/shared/schemas';
import { errorField } from './error-field';

describe('errorField', () => {
  it('goes by the error’s field, whatever the message says', () => {
    const error = { code: 'unauthorized', message: 'The server address looks fine; the token is wrong.', field: 'token' } as const;
    expect(errorField<AddTokenRequest>(error, ['serverUrl', 'token'])).toBe('token');
    expect(errorField<AddTokenRequest>({ code: 'unreachable', message: 'token token token' }, ['serverUrl', 'token'])).toBeUndefined();
    expect(errorField<AddTokenRequest>({ code: 'invalid_input', message: 'x', field: 'token' }, ['serverUrl'])).toBeUndefined();
  });
});
