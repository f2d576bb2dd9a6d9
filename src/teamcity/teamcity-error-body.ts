/**
 * Reads the one useful line out of whatever a failing server sent: TeamCity's three-line text/plain error (both
 * the 8/9 "Error has occurred during request processing" and the 2019+ "Responding with error, status code"
 * wordings), a JSON `{errors:[{message}]}` or `{message}`, XML `<message>`, or the <title> of an HTML page
 * from a proxy or login screen. The kind tells the caller whether TeamCity itself answered.
 */
export type ErrorBodyKind = 'teamcity' | 'json' | 'xml' | 'html' | 'empty' | 'other';

export type ErrorBody = { kind: ErrorBodyKind; detail?: string };

const TEAMCITY_STATUS_LINE = /^(Error has occurred during request processing|Responding with error, status code)/;
/** "Error: jetbrains...NotFoundException: No build type..." / "Details: jetbrains...: ..." */
const TEAMCITY_DETAIL_LINE = /^(?:Error|Details):\s*(?:[\w.$]+(?:Exception|Error):\s*)?(.*)$/;

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

export function looksLikeXml(body: string): boolean {
  return /^\s*<(\?xml|[A-Za-z][\w-]*[\s>/])/.test(body) && !looksLikeHtml(body);
}

function teamCityText(body: string): ErrorBody | undefined {
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  if (!TEAMCITY_STATUS_LINE.test(lines[0] ?? '')) return undefined;
  for (const line of lines.slice(1)) {
    const match = TEAMCITY_DETAIL_LINE.exec(line);
    if (match?.[1]) return { kind: 'teamcity', detail: match[1] };
  }
  return { kind: 'teamcity', detail: lines[0] };
}

function jsonMessage(body: string): ErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'json' };
  const record = parsed as { errors?: unknown; message?: unknown; error?: unknown };
  if (Array.isArray(record.errors)) {
    const first = record.errors.find((e): e is { message: string } => typeof e === 'object' && e !== null && typeof e.message === 'string');
    if (first) return { kind: 'json', detail: first.message };
  }
  if (typeof record.message === 'string') return { kind: 'json', detail: record.message };
  if (typeof record.error === 'string') return { kind: 'json', detail: record.error };
  return { kind: 'json' };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function elementText(body: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(body);
  const text = match?.[1]?.replace(/<[^>]*>/g, ' ').trim();
  return text ? decodeEntities(text) : undefined;
}

export function parseErrorBody(body: string, contentType: string | null): ErrorBody {
  const trimmed = body.trim();
  if (trimmed === '') return { kind: 'empty' };
  const type = (contentType ?? '').toLowerCase();
  const tc = teamCityText(trimmed);
  if (tc) return tc;
  if (type.includes('json') || /^[{[]/.test(trimmed)) {
    const json = jsonMessage(trimmed);
    if (json) return json;
  }
  if (type.includes('html') || looksLikeHtml(trimmed)) {
    const title = elementText(trimmed, 'title') ?? elementText(trimmed, 'h1');
    return title === undefined ? { kind: 'html' } : { kind: 'html', detail: title };
  }
  if (type.includes('xml') || looksLikeXml(trimmed)) {
    const message = elementText(trimmed, 'message') ?? elementText(trimmed, 'error');
    return message === undefined ? { kind: 'xml' } : { kind: 'xml', detail: message };
  }
  return { kind: 'other', detail: trimmed.split(/\r?\n/)[0] };
}
