import { teamCityLink } from './teamcity-link';

const SERVER = 'https://tc.example.com';

describe('teamCityLink', () => {
  it('keeps http(s) URLs on the server’s origin, in their parsed form', () => {
    expect(teamCityLink('https://tc.example.com/viewLog.html?buildId=7', SERVER)).toBe('https://tc.example.com/viewLog.html?buildId=7');
    expect(teamCityLink('http://127.0.0.1:8111/viewType.html?buildTypeId=A', 'http://127.0.0.1:8111')).toBe(
      'http://127.0.0.1:8111/viewType.html?buildTypeId=A',
    );
  });

  it('compares origins, not the server’s context path', () => {
    expect(teamCityLink('https://tc.example.com/teamcity/viewLog.html?buildId=1', 'https://tc.example.com/teamcity')).toBe(
      'https://tc.example.com/teamcity/viewLog.html?buildId=1',
    );
    expect(teamCityLink('https://tc.example.com/viewLog.html', 'https://tc.example.com/teamcity')).toBe(
      'https://tc.example.com/viewLog.html',
    );
  });

  it('treats the host case-insensitively and the default port as no port', () => {
    expect(teamCityLink('HTTPS://TC.Example.COM:443/viewLog.html', SERVER)).toBe('https://tc.example.com/viewLog.html');
    expect(teamCityLink('https://tc.example.com/x', 'https://TC.example.com:443')).toBe('https://tc.example.com/x');
  });

  it('refuses another port, scheme or host', () => {
    expect(teamCityLink('https://tc.example.com:8443/x', SERVER)).toBeUndefined();
    expect(teamCityLink('http://tc.example.com/x', SERVER)).toBeUndefined();
    expect(teamCityLink('https://tc.example.com.evil.example/x', SERVER)).toBeUndefined();
    expect(teamCityLink('https://evil.example/?https://tc.example.com', SERVER)).toBeUndefined();
  });

  it('refuses URLs carrying credentials, even on the right origin', () => {
    expect(teamCityLink('https://user:secret@tc.example.com/x', SERVER)).toBeUndefined();
    expect(teamCityLink('https://user@tc.example.com/x', SERVER)).toBeUndefined();
    expect(teamCityLink('https://tc.example.com@evil.example/x', SERVER)).toBeUndefined();
  });

  it('matches IPv6 servers in any spelling of the address', () => {
    expect(teamCityLink('http://[0:0:0:0:0:0:0:1]:8111/x', 'http://[::1]:8111')).toBe('http://[::1]:8111/x');
    expect(teamCityLink('http://[::2]:8111/x', 'http://[::1]:8111')).toBeUndefined();
  });

  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//tc.example.com/viewLog.html',
    '/viewLog.html?buildId=1',
    'viewLog.html',
    'https://',
    '',
  ])('refuses %j', (url) => {
    expect(teamCityLink(url, SERVER)).toBeUndefined();
  });

  it('refuses everything when the server address itself is not an http(s) URL', () => {
    expect(teamCityLink('javascript:alert(1)', 'javascript:alert(1)')).toBeUndefined();
    expect(teamCityLink('https://tc.example.com/x', 'tc.example.com')).toBeUndefined();
    expect(teamCityLink(undefined, SERVER)).toBeUndefined();
  });
});
