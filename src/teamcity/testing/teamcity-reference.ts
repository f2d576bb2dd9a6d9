/**
 * The TeamCity reference data (fixtures, index.json, swagger.json) kept in the repository under
 * test/fixtures/teamcity, found relative to this file so a clone anywhere runs the tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const referenceDir = path.join(repoRoot, 'test', 'fixtures', 'teamcity');
export const fixturesDir = path.join(referenceDir, 'fixtures');

export type FixtureEntry = { file: string; method: string; path: string; status: number; contentType: string };

export function fixtureIndex(): FixtureEntry[] {
  return JSON.parse(readFileSync(path.join(referenceDir, 'index.json'), 'utf8')) as FixtureEntry[];
}

export function fixtureFiles(): string[] {
  return readdirSync(fixturesDir).sort();
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

type SwaggerOperation = { parameters?: Array<{ name: string; in: string }> };
export type Swagger = {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

export function swagger(): Swagger {
  return JSON.parse(readFileSync(path.join(referenceDir, 'swagger.json'), 'utf8')) as Swagger;
}

/** The recorded Content-Type without the README's "(not recorded ...)" remark. */
export function recordedContentType(entry: FixtureEntry): string {
  return entry.contentType.split(' ')[0] ?? 'application/octet-stream';
}
