import { normalizeServerUrl } from './server-url';
import { REFUSED_DEPLOYED, REFUSED_LOCAL } from './testing/server-address-forms';

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
    ['https://téamcity.example.com', 'https://xn--tamcity-bya.example.com'],
    // An absolute name is the same server; scheme-relative and one-slash forms read as a browser reads them.
    ['https://teamcity.example.com.', 'https://teamcity.example.com'],
    ['https://teamcity.example.com.:8443/teamcity', 'https://teamcity.example.com:8443/teamcity'],
    ['//teamcity.example.com', 'https://teamcity.example.com'],
    ['https:/teamcity.example.com', 'https://teamcity.example.com'],
    ['teamcity.example.com:8443', 'https://teamcity.example.com:8443'],
    ['teamcity.example.com:8443/teamcity/', 'https://teamcity.example.com:8443/teamcity'],
    ['https://teamcity.example.com:65535', 'https://teamcity.example.com:65535'],
    ['https://teamcity.example.com:1', 'https://teamcity.example.com:1'],
    ['https://8.8.8.8', 'https://8.8.8.8'],
    ['https://134744072', 'https://8.8.8.8'],
    ['https://[2606:4700:4700::1111]', 'https://[2606:4700:4700::1111]'],
    ['https://[2606:4700:4700:0:0:0:0:1111]:8443', 'https://[2606:4700:4700::1111]:8443'],
    ['https://tc-1.example.co.uk', 'https://tc-1.example.co.uk'],
  ])('normalizes %j to %s', (input, expected) => {
    expect(normalizeServerUrl(input, deployed)).toEqual({ ok: true, data: expected });
  });

  it.each([
    ['', /Enter the address/],
    ['   ', /Enter the address/],
    ['http://teamcity.example.com', /Use an https:\/\/ address/],
    ['ftp://teamcity.example.com', /"ftp" addresses aren't supported/],
    ['file:///etc/passwd', /"file" addresses aren't supported/],
    ['javascript:alert(1)', /"javascript" addresses aren't supported/],
    ['https://admin:secret@teamcity.example.com', /Remove the user name and password/],
    ['https://teamcity.example.com/#/projects', /Remove the part starting with "#"/],
    ['https://teamcity.example.com/?mode=builds', /Remove the part starting with "\?"/],
    ['not a url', /can't contain spaces/],
    ['https://teamcity.exa\nmple.com', /can't contain spaces/],
    ['https://teamcity\u00a0example.com', /can't contain spaces/],
    ['https://', /isn't a valid server address/],
    ['https://exa mple', /can't contain spaces/],
    ['https://teamcity.example.com:8o8o', /isn't a valid server address/],
    ['eyJ0eXAiOiAiVENWMiJ9.OC1JdFpORUxSUVhub0xhRERyZW5S.Mzc0OTRmMDctMTM1NS00NWQxLTlm', /looks like an access token/],
  ])('rejects %j with a specific message on the server field', (input, message) => {
    const result = normalizeServerUrl(input, deployed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', field: 'serverUrl' });
    expect(result.error.message).toMatch(message);
  });

  const refusal = (form: string, policy: typeof deployed) => {
    const result = normalizeServerUrl(form.replace('PORT', '8111'), policy);
    return result.ok ? `accepted as ${result.data}` : result.error;
  };

  it.each(REFUSED_DEPLOYED.map((c) => [c.form, c.why, c.message] as const))(
    'refuses %j (%s) in the deployed app',
    (form, _why, message) => {
      expect(refusal(form, deployed)).toEqual({ code: 'invalid_input', field: 'serverUrl', message: expect.stringMatching(message) });
    },
  );

  it.each(REFUSED_LOCAL.map((c) => [c.form, c.why, c.message] as const))('refuses %j (%s) in the local host too', (form, _why, message) => {
    expect(refusal(form, local)).toEqual({ code: 'invalid_input', field: 'serverUrl', message: expect.stringMatching(message) });
  });

  // The local host's simulator speaks plain http on loopback, so there a loopback address without a scheme means http.
  it.each([
    ['http://127.0.0.1:8111/', 'http://127.0.0.1:8111'],
    ['http://localhost:8111', 'http://localhost:8111'],
    ['HTTP://LOCALHOST:8111', 'http://localhost:8111'],
    ['127.0.0.1:8111', 'http://127.0.0.1:8111'],
    ['localhost:7111', 'http://localhost:7111'],
    ['//127.0.0.1:7111', 'http://127.0.0.1:7111'],
    ['127.0.0.1:443', 'http://127.0.0.1:443'],
    ['[::1]:8111', 'http://[::1]:8111'],
    ['localhost.:8111', 'http://localhost:8111'],
    ['http://localhost.:8111', 'http://localhost:8111'],
    ['http://2130706433:8111', 'http://127.0.0.1:8111'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
    ['teamcity.example.com', 'https://teamcity.example.com'],
  ])('the local host reads %j as %s', (input, expected) => {
    expect(normalizeServerUrl(input, local)).toEqual({ ok: true, data: expected });
  });
});
