/**
 * Runs before jest in `npm test`: makes sure the browser suites have a Chromium. Found: says where, in one
 * line. Missing, as root with apt-get: installs Debian's `chromium` (with its recommended packages, the fonts
 * the screenshots expect). Otherwise: one line saying what to install, and a failing exit before any suite runs.
 */
import { spawnSync } from 'node:child_process';
import { environmentOf, findChromium, INSTALL_ADVICE, type ChromiumLookup } from '../test/support/chromium-path';

const say = (line: string) => process.stderr.write(`${line}\n`);

const hasAptGet = (): boolean => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

function installDebianChromium(): boolean {
  say('Chromium not found: installing the Debian package `chromium` (running as root with apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const run = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) return false;
  }
  return true;
}

function main(): number {
  let lookup: ChromiumLookup = findChromium(environmentOf());
  const canInstall = !lookup.found && process.env.CHROMIUM_PATH === undefined && process.getuid?.() === 0 && hasAptGet();
  if (canInstall && installDebianChromium()) lookup = findChromium(environmentOf());
  if (lookup.found) {
    say(`Chromium for the browser tests: ${lookup.path} (from ${lookup.source})`);
    return 0;
  }
  say(`The browser tests need Chromium and none was found. ${lookup.reason} ${INSTALL_ADVICE}`);
  return 1;
}

process.exitCode = main();
