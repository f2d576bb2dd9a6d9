/**
 * Where the browser tests find a Chromium: the one place that decides it, used by scripts/ensure-chromium.ts
 * (before jest starts) and by test/browser/browser-helpers.ts (when a suite launches it).
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Debian's package first (what CI installs), then Chromium and Chrome under their other usual names. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;
/** For a PATH without /usr/bin, and Chrome's .deb, whose link into /usr/bin may be missing in a container. */
export const CHROMIUM_FIXED_PATHS = ['/usr/bin/chromium', '/opt/google/chrome/chrome'] as const;

export type ChromiumLookup =
  | { found: true; path: string; source: 'CHROMIUM_PATH' | 'PATH' | 'fixed path' }
  /** `reason` is one sentence for the person running the tests. */
  | { found: false; reason: string };

export type LookupEnvironment = {
  /** CHROMIUM_PATH: when set, the only candidate (a wrong value is an error, not a reason to look elsewhere). */
  chromiumPath?: string | undefined;
  /** PATH, split on the platform's delimiter. */
  pathDirs: string[];
  fixedPaths?: readonly string[];
};

const isExecutableFile = (file: string): boolean => {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function findChromium({ chromiumPath, pathDirs, fixedPaths = CHROMIUM_FIXED_PATHS }: LookupEnvironment): ChromiumLookup {
  if (chromiumPath !== undefined && chromiumPath !== '') {
    return isExecutableFile(chromiumPath)
      ? { found: true, path: chromiumPath, source: 'CHROMIUM_PATH' }
      : { found: false, reason: `CHROMIUM_PATH is set to ${chromiumPath}, which is not an executable file.` };
  }
  for (const command of CHROMIUM_COMMANDS) {
    for (const dir of pathDirs) {
      if (dir === '') continue;
      const candidate = path.join(dir, command);
      if (isExecutableFile(candidate)) return { found: true, path: candidate, source: 'PATH' };
    }
  }
  const fixed = fixedPaths.find(isExecutableFile);
  if (fixed !== undefined) return { found: true, path: fixed, source: 'fixed path' };
  return { found: false, reason: `No ${CHROMIUM_COMMANDS.join(', ')} on PATH and no ${fixedPaths.join(', ')}.` };
}

export const environmentOf = (env: NodeJS.ProcessEnv = process.env): LookupEnvironment => ({
  chromiumPath: env.CHROMIUM_PATH,
  pathDirs: (env.PATH ?? '').split(path.delimiter),
});

/** What to do about a missing Chromium, in one line. */
export const INSTALL_ADVICE =
  'Install Chromium (Debian: `sudo apt-get install chromium`) or Google Chrome, or set CHROMIUM_PATH to a Chromium or Chrome binary.';
