import { validateAccessToken } from './access-token';

const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.c29tZS10b2tlbi1pZA.ZmFrZS1zaWduYXR1cmUtdmFsdWU';

describe('validateAccessToken', () => {
  it('accepts a TeamCity-shaped token and trims the pasted newline', () => {
    expect(validateAccessToken(`  ${TOKEN}\n`)).toEqual({ ok: true, data: TOKEN });
  });

  it.each([
    ['', /Paste the access token/],
    ['   \n', /Paste the access token/],
    [`${TOKEN.slice(0, 20)} ${TOKEN.slice(20)}`, /can't contain spaces or line breaks/],
    [`${TOKEN.slice(0, 20)}\r\nX-Injected: 1`, /can't contain spaces or line breaks/],
    [`${TOKEN}\u0000`, /can't contain spaces or line breaks/],
    [`${TOKEN}\u00e9`, /characters that TeamCity tokens never have/],
    [TOKEN.replace('e', '\u0435'), /characters that TeamCity tokens never have/],
    ['abc123def', /too short/],
    ['x'.repeat(5000), /too long/],
  ])('rejects %j without echoing it', (input, message) => {
    const result = validateAccessToken(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'token' });
    expect(result.error.message).toMatch(message);
    if (input.trim().length > 3) expect(result.error.message).not.toContain(input.trim().slice(0, 12));
  });
});
