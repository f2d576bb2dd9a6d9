/**
 * TeamCity's typed build parameters ("Changing Build Parameter Type and UI Appearance", JetBrains' TeamCity docs:
 * https://www.jetbrains.com/help/teamcity/typed-parameters.html). TeamCity keeps a parameter's spec as one raw string
 * in `type.rawValue`, e.g.
 *   select data_1='win' label_1='Windows' data_3='linux' display='normal' multiple='true' valueSeparator='||'
 *   text regexp='^|[a-z|]+$' validationMode='regex' validationMessage='Lower case only' display='prompt'
 *   checkbox checkedValue='release' uncheckedValue='debug' label='Release configuration'
 *   password display='hidden'
 * Values are quoted with ' and escaped the way service messages are (|' || |n |r |[ |] |0xNNNN).
 *
 * Shared by the resolver (which validates a run against the spec before anything is sent to TeamCity) and the run
 * dialog (which renders the controls and checks input as the user types). Zod-free, so the dialog can import it.
 */
import { MAX_PARAMETER_VALUE_LENGTH } from './input-rules';

export type ParameterDisplay = 'normal' | 'hidden' | 'prompt';

type SpecCommon = {
  label?: string;
  description?: string;
  display: ParameterDisplay;
  readOnly: boolean;
};

export type SelectOption = { value: string; label: string };

export type ParameterSpec =
  | (SpecCommon & { type: 'text'; validation: 'any' | 'not_empty' | 'regex'; regex?: string; validationMessage?: string })
  | (SpecCommon & { type: 'checkbox'; checkedValue: string; uncheckedValue: string })
  | (SpecCommon & { type: 'select'; options: SelectOption[]; multiple: boolean; separator: string })
  | (SpecCommon & { type: 'password' });

/** What a server may make us hold: a spec longer than this, or with more options, did not come from a person. */
export const MAX_SPEC_LENGTH = 20_000;
export const MAX_SELECT_OPTIONS = 200;
/** A regex is evaluated against user input in the resolver; a long one from a hostile server buys nothing. */
export const MAX_REGEX_LENGTH = 1_000;
const MAX_TEXT = 2_000;

const UNESCAPE: Record<string, string> = { "'": "'", '|': '|', n: '\n', r: '\r', '[': '[', ']': ']' };

/** `key='value'` pairs after the type word; undefined when the string is not a spec TeamCity would write. */
function readAttributes(text: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
    if (i >= text.length) break;
    const keyMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 100));
    if (!keyMatch || text[i + keyMatch[0].length] !== '=' || text[i + keyMatch[0].length + 1] !== "'") return undefined;
    const key = keyMatch[0];
    i += key.length + 2;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return undefined;
      if (c === "'") {
        i++;
        break;
      }
      if (c === '|') {
        const next = text[i + 1];
        if (next === '0' && text[i + 2] === 'x') {
          const hex = /^[0-9a-fA-F]{4}/.exec(text.slice(i + 3, i + 7));
          if (!hex) return undefined;
          value += String.fromCharCode(parseInt(hex[0], 16));
          i += 7;
          continue;
        }
        if (next === undefined || !(next in UNESCAPE)) return undefined;
        value += UNESCAPE[next];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    attributes.set(key, value);
  }
  return attributes;
}

const bounded = (text: string | undefined): string | undefined => (text === undefined || text === '' ? undefined : text.slice(0, MAX_TEXT));

const displayOf = (value: string | undefined): ParameterDisplay => (value === 'hidden' || value === 'prompt' ? value : 'normal');

/**
 * The spec of one parameter, or undefined for a plain parameter (no spec) and for specs this app does not render
 * (remote secrets, custom types, anything malformed): those are shown as free text like an untyped parameter.
 */
export function parseParameterSpec(raw: string | undefined): ParameterSpec | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '' || text.length > MAX_SPEC_LENGTH) return undefined;
  const typeWord = /^[A-Za-z]+/.exec(text)?.[0];
  if (typeWord === undefined) return undefined;
  const attributes = readAttributes(text.slice(typeWord.length));
  if (!attributes) return undefined;
  const common: SpecCommon = {
    display: displayOf(attributes.get('display')),
    readOnly: attributes.get('readOnly') === 'true',
    ...(bounded(attributes.get('label')) !== undefined && { label: bounded(attributes.get('label')) }),
    ...(bounded(attributes.get('description')) !== undefined && { description: bounded(attributes.get('description')) }),
  };
  switch (typeWord) {
    case 'text': {
      const mode = attributes.get('validationMode');
      const regex = attributes.get('regexp');
      const validation = mode === 'not_empty' ? 'not_empty' : mode === 'regex' && regex !== undefined ? 'regex' : 'any';
      if (validation === 'regex' && (regex!.length > MAX_REGEX_LENGTH || compileFullMatch(regex!) === undefined)) return undefined;
      return {
        ...common,
        type: 'text',
        validation,
        ...(validation === 'regex' && { regex: regex! }),
        ...(bounded(attributes.get('validationMessage')) !== undefined && {
          validationMessage: bounded(attributes.get('validationMessage')),
        }),
      };
    }
    case 'checkbox':
      // TeamCity's defaults: checked "true", unchecked empty.
      return {
        ...common,
        type: 'checkbox',
        checkedValue: attributes.get('checkedValue') ?? 'true',
        uncheckedValue: attributes.get('uncheckedValue') ?? '',
      };
    case 'select': {
      const options: SelectOption[] = [];
      const numbers = [...attributes.keys()]
        .map((k) => /^data_(\d{1,4})$/.exec(k)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      for (const n of numbers.slice(0, MAX_SELECT_OPTIONS)) {
        const value = attributes.get(`data_${n}`)!;
        options.push({ value, label: bounded(attributes.get(`label_${n}`)) ?? value });
      }
      return {
        ...common,
        type: 'select',
        options,
        multiple: attributes.get('multiple') === 'true',
        separator: attributes.get('valueSeparator') || ',',
      };
    }
    case 'password':
      return { ...common, type: 'password' };
    default:
      return undefined;
  }
}

/**
 * TeamCity matches the whole value against the pattern (Java's String.matches). Patterns JavaScript cannot compile
 * are treated as no spec by the parser, so the user is never blocked by a rule nobody here can evaluate.
 */
export function compileFullMatch(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      return undefined;
    }
  }
}

const named = (name: string, spec: ParameterSpec) => `"${(spec.label ?? name).slice(0, 100)}"`;

/** The problem with a value for a typed parameter, or null when TeamCity's Run Custom Build dialog would accept it. */
export function typedValueProblem(name: string, spec: ParameterSpec, value: string): string | null {
  if (value.length > MAX_PARAMETER_VALUE_LENGTH) return `${named(name, spec)} is too long (at most 16,384 characters).`;
  switch (spec.type) {
    case 'text':
      if (spec.validation === 'not_empty' && value.trim() === '')
        return spec.validationMessage ?? `Enter a value for ${named(name, spec)}.`;
      if (spec.validation === 'regex' && !compileFullMatch(spec.regex!)!.test(value))
        return spec.validationMessage ?? `${named(name, spec)} must match ${spec.regex!.slice(0, 100)}.`;
      return null;
    case 'checkbox':
      return value === spec.checkedValue || value === spec.uncheckedValue
        ? null
        : `${named(name, spec)} is a checkbox: its value must be "${spec.checkedValue.slice(0, 100)}" or "${spec.uncheckedValue.slice(0, 100)}".`;
    case 'select': {
      const allowed = new Set(spec.options.map((o) => o.value));
      const chosen = spec.multiple ? splitSelection(spec, value) : [value];
      if (!spec.multiple && value === '') return `Choose a value for ${named(name, spec)}.`;
      const outside = chosen.find((v) => !allowed.has(v));
      return outside === undefined ? null : `"${outside.slice(0, 100)}" is not one of the choices of ${named(name, spec)}.`;
    }
    case 'password':
      return null;
  }
}

/** The chosen values of a multiple select; an empty value is no choice. */
export function splitSelection(spec: Extract<ParameterSpec, { type: 'select' }>, value: string): string[] {
  return value === '' ? [] : value.split(spec.separator);
}

export function joinSelection(spec: Extract<ParameterSpec, { type: 'select' }>, values: readonly string[]): string {
  return values.join(spec.separator);
}

/** Hidden and read-only parameters keep TeamCity's value: the run dialog offers no way to change them. */
export const isEditable = (spec: ParameterSpec | undefined): boolean => spec === undefined || (spec.display !== 'hidden' && !spec.readOnly);
