import { normalizeServerUrl } from './server-url';

const deployed = { allowHttpLoopback: false };
const local = { allowHttpLoopback: true };

describe('normalizeServerUrl', () => {
  it.each([
    ['teamcity.example.com', 'https://teamcity.example.com'],
    ['  https://TeamCity.Example.COM/  ', 'https://teamcity.example.com'],
    ['https://teamcity.example.com:443', 'https://teamcity.example.com'],
    ['https://teamcity.example.com:8443/', 'https://teamcity.example.com:8443'],
    ['https://ci.example.com/teamcity/', 'https://ci.example.com/teamcity'],
    ['https://ci.example.com/teamcity//', 'https://ci.example.com/teamcity'],
    ['HTTPS://ci.example.com', 'https://ci.example.com'],
    ['https://ci.example.com/login.html', 'https://ci.example.com'],
    ['https://ci.example.com/teamcity/favorite/projects', 'https://ci.example.com/teamcity'],
    ['https://ci.example.com/buildConfiguration/Webapp_Build/123', 'https://ci.example.com'],
    ['https://ci.example.com/app/rest/server', 'https://ci.example.com'],
    ['https://xn--tamcity-9xa.example.com', 'https://xn--tamcity-9xa.example.com'],
  ])('normalizes %j to %s', (input, expected) => {
    expect(normalizeServerUrl(input, deployed)).toEqual({ ok: true, data: expected });
  });

  it.each([
    ['', /Enter the address/],
    ['   ', /Enter the address/],
    ['http://teamcity.example.com', /Use an https:\/\/ address/],
    ['ftp://teamcity.example.com', /"ftp" addresses aren't supported/],
    ['https://admin:secret@teamcity.example.com', /Remove the user name and password/],
    ['https://teamcity.example.com/#/projects', /Remove the part starting with "#"/],
    ['https://teamcity.example.com/?mode=builds', /Remove the part starting with "\?"/],
    ['not a url', /can't contain spaces/],
    ['https://teamcity.exa\nmple.com', /can't contain spaces/],
    ['https://', /isn't a valid server address/],
    ['https://exa mple', /can't contain spaces/],
    ['http://127.0.0.1:8111', /Use an https:\/\/ address/],
    ['https://127.0.0.1:8111', /private or local address/],
    ['https://localhost', /private or local address/],
    ['https://10.1.2.3', /private or local address/],
    ['https://192.168.0.10', /private or local address/],
    ['https://172.20.0.1', /private or local address/],
    ['https://169.254.169.254', /private or local address/],
    ['https://[::1]', /private or local address/],
    ['https://[fd00::1]', /private or local address/],
    ['https://[::ffff:10.0.0.1]', /private or local address/],
    ['https://0x7f.1', /private or local address/],
    ['https://metadata.google.internal', /private or local address/],
    ['javascript:alert(1)', /isn't a valid server address/],
    ['eyJ0eXAiOiAiVENWMiJ9.OC1JdFpORUxSUVhub0xhRERyZW5S.Mzc0OTRmMDctMTM1NS00NWQxLTlm', /looks like an access token/],
  ])('rejects %j with a specific message on the server field', (input, message) => {
    const result = normalizeServerUrl(input, deployed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'serverUrl' });
    expect(result.error.message).toMatch(message);
  });

  it('allows http on loopback only in the local host', () => {
    expect(normalizeServerUrl('http://127.0.0.1:8111/', local)).toEqual({ ok: true, data: 'http://127.0.0.1:8111' });
    expect(normalizeServerUrl('http://localhost:8111', local)).toEqual({ ok: true, data: 'http://localhost:8111' });
    expect(normalizeServerUrl('http://teamcity.example.com', local).ok).toBe(false);
    expect(normalizeServerUrl('http://10.0.0.1', local).ok).toBe(false);
  });
});
