import { safeTeamCityLink } from './safe-teamcity-link';

describe('safeTeamCityLink', () => {
  const server = 'https://tc.example.com/teamcity';
  it.each([
    ['https://tc.example.com/teamcity/viewLog.html?buildId=1', 'https://tc.example.com/teamcity/viewLog.html?buildId=1'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['https://evil.example/teamcity/viewLog.html', undefined],
    ['https://tc.example.com/other/viewLog.html', undefined],
    ['https://tc.example.com.evil.example/teamcity/', undefined],
    ['https://user:pw@tc.example.com/teamcity/x', undefined],
    ['http://tc.example.com/teamcity/x', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('%s → %s', (url, expected) => {
    expect(safeTeamCityLink(url, server)).toBe(expected);
  });

  it('accepts any path on a server without a context path', () => {
    expect(safeTeamCityLink('http://127.0.0.1:8111/viewLog.html?buildId=2', 'http://127.0.0.1:8111')).toBe(
      'http://127.0.0.1:8111/viewLog.html?buildId=2',
    );
  });
});
