/**
 * The oldest TeamCity the app supports. Bearer access tokens arrived in 2019.1; older servers would answer every
 * call with 401, so we say plainly that the server is too old instead.
 */
import type { AppError } from '../shared/result';
import type { TeamCityServerInfo } from './teamcity-types';

export const MIN_VERSION = { major: 2019, minor: 1, label: '2019.1' } as const;

export function isSupportedVersion(info: Pick<TeamCityServerInfo, 'versionMajor' | 'versionMinor'>): boolean {
  if (info.versionMajor !== MIN_VERSION.major) return info.versionMajor > MIN_VERSION.major;
  return info.versionMinor >= MIN_VERSION.minor;
}

export function unsupportedVersionError(info: TeamCityServerInfo, server: string): AppError {
  return {
    code: 'unsupported_version',
    message:
      `${server} runs TeamCity ${info.version}, which is too old: this app needs TeamCity ${MIN_VERSION.label} or newer ` +
      '(the first version with access tokens). Ask your TeamCity administrator to upgrade.',
  };
}
