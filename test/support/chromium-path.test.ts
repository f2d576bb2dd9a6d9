/**
 * How the browser tests find Chromium, on real files in temporary directories standing in for PATH entries
 * and install locations: executable or not, a directory under the right name, the order of preference.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium-path';

let root: string;
const dir = (name: string) => {
  const d = path.join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const file = (dirPath: string, name: string, mode = 0o755) => {
  const f = path.join(dirPath, name);
  writeFileSync(f, '#!/bin/sh\n');
  chmodSync(f, mode);
  return f;
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'chromium-path-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('finding Chromium', () => {
  it('takes the first executable `chromium` on PATH, in PATH order', () => {
    const first = dir('first');
    const second = dir('second');
    file(second, 'chromium');
    const winner = file(first, 'chromium');
    expect(findChromium({ pathDirs: [first, second], fixedPaths: [] })).toEqual({ found: true, path: winner, source: 'PATH' });
  });

  it('skips files that are not executable and directories named like the browser', () => {
    const plain = dir('plain');
    file(plain, 'chromium', 0o644);
    mkdirSync(path.join(dir('dirs'), 'chromium'));
    const bin = dir('bin');
    const chrome = file(bin, 'google-chrome');
    expect(findChromium({ pathDirs: [plain, path.join(root, 'dirs'), bin, ''], fixedPaths: [] })).toEqual({
      found: true,
      path: chrome,
      source: 'PATH',
    });
  });

  it("prefers Debian's chromium over Google Chrome wherever each is on PATH", () => {
    const early = dir('early');
    const late = dir('late');
    file(early, 'google-chrome');
    const chromium = file(late, 'chromium');
    expect(findChromium({ pathDirs: [early, late], fixedPaths: [] })).toMatchObject({ path: chromium });
  });

  it('falls back to the fixed install locations when PATH has none', () => {
    const opt = dir('opt/google/chrome');
    const chrome = file(opt, 'chrome');
    expect(findChromium({ pathDirs: [dir('empty')], fixedPaths: [path.join(root, 'missing'), chrome] })).toEqual({
      found: true,
      path: chrome,
      source: 'fixed path',
    });
  });

  it('uses CHROMIUM_PATH alone when set, and says so when it points at nothing usable', () => {
    const bin = dir('bin');
    file(bin, 'chromium');
    const custom = file(dir('custom'), 'my-chrome');
    expect(findChromium({ chromiumPath: custom, pathDirs: [bin], fixedPaths: [] })).toEqual({
      found: true,
      path: custom,
      source: 'CHROMIUM_PATH',
    });
    const notExecutable = file(dir('other'), 'chrome', 0o600);
    const lookup = findChromium({ chromiumPath: notExecutable, pathDirs: [bin], fixedPaths: [] });
    expect(lookup).toEqual({ found: false, reason: `CHROMIUM_PATH is set to ${notExecutable}, which is not an executable file.` });
  });

  it('names what it looked for when there is nothing', () => {
    const lookup = findChromium({ pathDirs: [dir('empty')], fixedPaths: [path.join(root, 'chrome')] });
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.reason).toBe(
      `No chromium, chromium-browser, google-chrome, google-chrome-stable on PATH and no ${path.join(root, 'chrome')}.`,
    );
  });
});
