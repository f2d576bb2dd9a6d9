/**
 * The oldest TeamCity the app supports. Bearer access tokens arrived in 2019.1; older servers would answer every
 * call with 401, so we say plainly that the server is too old instead.
 */
import type { TeamCityFailure } from './teamcity-error';
import type { TeamCityServerInfo } from './teamcity-types';

export const MIN_VERSION = { major: 2019, minor: 1, label: '2019.1' } as const;

export function isSupportedVersion(info: Pick<TeamCityServerInfo, 'versionMajor' | 'versionMinor'>): boolean {
  if (info.versionMajor !== MIN_VERSION.major) return info.versionMajor > MIN_VERSION.major;
  return info.versionMinor >= MIN_VERSION.minor;
}

export function unsupportedVersion(info: TeamCityServerInfo, server: string): TeamCityFailure {
  return {
    code: 'unsupported_version',
    server,
    action: 'report its version',
    subject: 'server information (/app/rest/server)',
    cause: { kind: 'version', version: info.version, minimum: MIN_VERSION.label },
  };
}
