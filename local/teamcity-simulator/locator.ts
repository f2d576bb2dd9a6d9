import { locatorError } from './errors';

/** A parsed locator: dimension name -> values (a dimension may repeat, e.g. item:(...),item:(...)). */
export type Locator = { text: string; dims: Map<string, string[]> };

const NAME = /^[A-Za-z0-9_$.-]+$/;
const BASE64_PREFIX = '$base64:';

function decodeValue(raw: string): string {
  return raw.startsWith(BASE64_PREFIX) ? Buffer.from(raw.slice(BASE64_PREFIX.length), 'base64').toString('utf8') : raw;
}

function syntaxError(text: string, detail: string, position: number) {
  return locatorError(`Bad locator syntax: ${detail}. Details: locator: '${text}', at position ${position}`);
}

/** Reads a parenthesised value starting at `open` (the '(' index); returns the inner text and the index after ')'. */
function readParenthesised(text: string, open: number): [string, number] {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return [text.slice(open + 1, i), i + 1];
  }
  throw syntaxError(text, "Could not find matching ')'", open);
}

export function parseLocator(text: string): Locator {
  const dims = new Map<string, string[]>();
  const add = (name: string, value: string) => dims.set(name, [...(dims.get(name) ?? []), value]);
  if (text.trim() === '') throw locatorError(`Invalid locator '${text}': empty locator is not supported.`);

  const hasDimension = /^[A-Za-z0-9_$.-]+:/.test(text) || text.startsWith('(');
  if (!hasDimension) {
    if (/[(),]/.test(text)) throw syntaxError(text, 'Unexpected symbol in single value locator', 0);
    add('$singleValue', decodeValue(text));
    return { text, dims };
  }

  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    const comma = text.indexOf(',', i);
    const nameEnd = colon === -1 ? text.length : comma !== -1 && comma < colon ? comma : colon;
    const name = text.slice(i, nameEnd);
    if (!NAME.test(name)) throw syntaxError(text, `Invalid dimension name '${name}'`, i);
    if (nameEnd === text.length || text[nameEnd] === ',') {
      // A bare dimension name means "true", as TeamCity allows for flags.
      add(name, 'true');
      i = nameEnd + 1;
      continue;
    }
    let valueStart = nameEnd + 1;
    let value: string;
    if (text[valueStart] === '(') {
      [value, valueStart] = readParenthesised(text, valueStart);
      if (valueStart < text.length && text[valueStart] !== ',') {
        throw syntaxError(text, `Unexpected symbol '${text[valueStart]}' after dimension '${name}'`, valueStart);
      }
    } else {
      const end = text.indexOf(',', valueStart);
      value = text.slice(valueStart, end === -1 ? text.length : end);
      if (/[()]/.test(value)) throw syntaxError(text, `Unexpected parenthesis in the value of dimension '${name}'`, valueStart);
      valueStart = end === -1 ? text.length : end;
    }
    add(name, decodeValue(value));
    i = valueStart + 1;
  }
  return { text, dims };
}

export function first(locator: Locator, name: string): string | undefined {
  return locator.dims.get(name)?.[0];
}

/** Fails like TeamCity when a locator uses a dimension the endpoint does not know. */
export function checkKnown(locator: Locator, known: readonly string[]): void {
  const unknown = [...locator.dims.keys()].filter((d) => d !== '$singleValue' && !known.includes(d));
  if (unknown.length > 0) {
    throw locatorError(
      `Invalid locator '${locator.text}': Locator dimension${unknown.length > 1 ? 's' : ''} ${unknown
        .map((d) => `'${d}'`)
        .join(', ')} ${unknown.length > 1 ? 'are' : 'is'} unknown. Supported dimensions are: [${known.join(', ')}]`,
    );
  }
}

export function numberDim(locator: Locator, name: string): number | undefined {
  const raw = first(locator, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw locatorError(`Invalid value of dimension '${name}': '${raw}'. Should be a number.`);
  return Number(raw);
}

/** true / false / undefined for "any"; TeamCity booleans also accept 'any'. */
export function booleanDim(locator: Locator, name: string): boolean | undefined {
  const raw = first(locator, name);
  if (raw === undefined || raw === 'any') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw locatorError(`Invalid value of dimension '${name}': '${raw}'. Should be 'true', 'false' or 'any'.`);
}

/** Rebuilds a locator with some dimensions replaced, for nextHref / prevHref. */
export function withDims(locator: Locator, replace: Record<string, string | undefined>): string {
  const entries: Array<[string, string]> = [];
  for (const [name, values] of locator.dims) {
    if (name in replace) continue;
    for (const v of values) entries.push([name, v]);
  }
  for (const [name, v] of Object.entries(replace)) if (v !== undefined) entries.push([name, v]);
  entries.sort(([a], [b]) => a.localeCompare(b));
  return entries.map(([n, v]) => (n === '$singleValue' ? v : `${n}:${/[,:()]/.test(v) ? `(${v})` : v}`)).join(',');
}
