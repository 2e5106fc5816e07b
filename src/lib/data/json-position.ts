/**
 * Reads JSON strictly, and says where it breaks. JSON.parse takes the last of two equal keys without a word,
 * accepts any depth, and on Node 20 often reports only the token of a syntax error. Before JSON.parse sees the
 * text, this scanner walks it once, without recursion (so no depth can overflow the stack), and stops at the
 * first of:
 * - a character that cannot be part of valid JSON (line and column);
 * - a key that occurs twice in one object (line and JSON path, e.g. `value[3].Title`);
 * - nesting deeper than MAX_JSON_DEPTH (CBS responses and our meta.json are at most six levels deep);
 * - a string longer than MAX_JSON_STRING characters;
 * - a string holding an invisible control or bidi character, also when written as an escape (`\u202e`).
 */
import { DataError } from './errors';
import { describeCharacter, UNSAFE_CHARACTER, unsafeContext, unsafeExpected } from './text-safety';

export const MAX_JSON_DEPTH = 64;
/** The longest text a JSON string may hold: ten times the longest CBS table description. */
export const MAX_JSON_STRING = 100_000;

type Frame = { kind: 'object'; keys: Map<string, number>; key: string | undefined } | { kind: 'array'; index: number };

interface ScanProblem {
  offset: number;
  expected: string;
  found?: string | undefined;
  /** JSON path of the value the problem is in; syntax errors have none (the line and column say it). */
  path?: string | undefined;
}

class ScanError {
  constructor(readonly problem: ScanProblem) {}
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function pathOf(stack: readonly Frame[], extraKey?: string): string {
  let path = '';
  for (const frame of stack) {
    if (frame.kind === 'array') path += `[${frame.index}]`;
    else if (frame.key !== undefined) path += path === '' ? frame.key : `.${frame.key}`;
  }
  if (extraKey !== undefined) path += path === '' ? extraKey : `.${extraKey}`;
  // A path 64 levels deep says no more than its start and end.
  return path.length > 80 ? `${path.slice(0, 40)}…${path.slice(-30)}` : path;
}

/** Walks the text; throws a ScanError at the first problem. */
function scan(text: string): void {
  let i = 0;
  const n = text.length;
  const stack: Frame[] = [];
  const syntax = (): never => {
    throw new ScanError({ offset: i, expected: '' });
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  /** Reads a string at i (on its opening quote); returns its decoded value. */
  const string = (): string => {
    const open = i;
    i++;
    let escaped = false;
    for (;;) {
      if (i >= n) syntax();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        const next = text[i + 1];
        if (next === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) (i++, syntax());
          i += 6;
        } else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else (i++, syntax());
        continue;
      }
      if (c < 0x20) syntax();
      i++;
    }
    const length = i - open - 1;
    const path = pathOf(stack);
    if (length > MAX_JSON_STRING) {
      throw new ScanError({
        offset: open,
        path,
        expected: `een tekst van hoogstens ${MAX_JSON_STRING.toLocaleString('nl-NL')} tekens; een naam, label of toelichting is nooit zo lang`,
        found: `${length.toLocaleString('nl-NL')} tekens`,
      });
    }
    const value = escaped ? (JSON.parse(text.slice(open, i + 1)) as string) : text.slice(open + 1, i);
    i++;
    const unsafe = UNSAFE_CHARACTER.exec(value);
    if (unsafe) {
      throw new ScanError({
        offset: open,
        path,
        expected: unsafeExpected(describeCharacter(unsafe[0])),
        found: unsafeContext(value, unsafe.index),
      });
    }
    return value;
  };
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (state === 'value') {
      ws();
      const ch = text[i];
      if (ch === '{' || ch === '[') {
        if (stack.length >= MAX_JSON_DEPTH) {
          throw new ScanError({ offset: i, path: pathOf(stack), expected: `JSON van hoogstens ${MAX_JSON_DEPTH} niveaus diep` });
        }
        i++;
        ws();
        if (ch === '{') {
          stack.push({ kind: 'object', keys: new Map(), key: undefined });
          if (text[i] === '}') (i++, stack.pop(), (state = 'after'));
          else state = 'key';
        } else {
          stack.push({ kind: 'array', index: 0 });
          if (text[i] === ']') (i++, stack.pop(), (state = 'after'));
          else state = 'value';
        }
        continue;
      }
      if (ch === '"') string();
      else if (ch === 't' || ch === 'f' || ch === 'n') {
        const word = ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null';
        for (const expected of word) {
          if (text[i] !== expected) syntax();
          i++;
        }
      } else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m) syntax();
        i += m![0].length;
      }
      state = 'after';
    } else if (state === 'key') {
      ws();
      if (text[i] !== '"') syntax();
      const frame = stack[stack.length - 1] as Extract<Frame, { kind: 'object' }>;
      const at = i;
      frame.key = undefined;
      const key = string();
      const earlier = frame.keys.get(key);
      if (earlier !== undefined) {
        throw new ScanError({
          offset: at,
          path: pathOf(stack, key),
          expected: `elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "${key}" staat ook op regel ${lineAt(text, earlier)}`,
        });
      }
      frame.keys.set(key, at);
      frame.key = key;
      ws();
      if (text[i] !== ':') syntax();
      i++;
      state = 'value';
    } else {
      ws();
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n) syntax();
        return;
      }
      const ch = text[i];
      if (ch === ',') {
        i++;
        if (top.kind === 'object') state = 'key';
        else (top.index++, (state = 'value'));
      } else if ((ch === '}' && top.kind === 'object') || (ch === ']' && top.kind === 'array')) {
        i++;
        stack.pop();
      } else syntax();
    }
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let p = text.indexOf('\n'); p !== -1 && p < offset; p = text.indexOf('\n', p + 1)) line++;
  return line;
}

function columnAt(text: string, offset: number): number {
  return offset - text.lastIndexOf('\n', offset - 1);
}

/**
 * Parses JSON text as JSON.parse does, after the strict scan above; every problem is one DataError naming
 * the file, the line and, where it is about a value, its JSON path.
 */
export function parseJsonStrict(text: string, file: string): unknown {
  try {
    scan(text);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    const { offset, expected, found, path } = error.problem;
    const line = lineAt(text, offset);
    if (expected === '') {
      throw new DataError({ file, line }, `geldige JSON; teken ${columnAt(text, offset)} past niet`);
    }
    throw new DataError({ file, line, field: path || undefined }, expected, found);
  }
  return JSON.parse(text);
}

/**
 * The 1-based line and column of the first character that cannot be part of valid JSON (the end of the text
 * when it is valid), for callers that only need a position.
 */
export function locateJsonError(text: string): { line: number; column: number } {
  try {
    scan(text);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { line: lineAt(text, error.problem.offset), column: columnAt(text, error.problem.offset) };
  }
  return { line: lineAt(text, text.length), column: columnAt(text, text.length) };
}
