/** Characters that stand for themselves, or are operators read alike, outside a class. */
const plain = /[A-Za-z0-9 _@:/,=%#!~<>;'"&^$|)*+?-]/;
/** Escapes read alike outside a class: escaped operators, and the ASCII classes \d \w. */
const escapable = '.\\/+*?()[]{}^$|dDwW';
/** A class of literals, ASCII ranges and \d \w (or their escaped operators), maybe negated. */
const plainClass = /^\[\^?(?:[A-Za-z0-9 _@:/,=%#!~<>;'"&.+*?()|$^{}-]|\\[-.\\/\][^dDwW])+\]$/;

/**
 * The ECMAScript regular expression that matches exactly the strings a Go (RE2) pattern matches,
 * for a pattern written only in the syntax both read alike: literals, classes of literals and
 * ranges, \d \w and their negations, anchors, groups, alternation and quantifiers, with `.` written
 * as Go reads it (any character but a line feed; ECMAScript's also skips \r, U+2028 and U+2029).
 * Undefined for anything else (`(?i)`, `\pL`, `\s`, `\z`, POSIX classes, `{,n}`…): RE2 matches
 * those. Only for patterns RE2 accepts: it says which patterns are valid. V8's engine matches the
 * short patterns CRDs use several times faster than RE2's port to JavaScript.
 */
export function ecmaScriptEquivalent(pattern: string): RegExp | undefined {
  let source = '';
  for (let i = 0; i < pattern.length; ) {
    const token = nextToken(pattern, i);
    if (token === undefined) return undefined;
    source += token.source;
    i += token.length;
  }
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

function nextToken(pattern: string, at: number): { source: string; length: number } | undefined {
  const char = pattern[at]!;
  if (char === '\\') {
    const escaped = pattern[at + 1];
    return escaped !== undefined && escapable.includes(escaped)
      ? { source: `\\${escaped}`, length: 2 }
      : undefined;
  }
  if (char === '.') return { source: '[^\\n]', length: 1 };
  if (char === '[') {
    const body = classAt(pattern, at);
    return body && plainClass.test(body) ? { source: body, length: body.length } : undefined;
  }
  if (char === '(') {
    if (pattern.startsWith('(?:', at)) return { source: '(?:', length: 3 };
    return pattern[at + 1] === '?' ? undefined : { source: '(', length: 1 };
  }
  if (char === '{') {
    const count = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(at))?.[0];
    return count ? { source: count, length: count.length } : undefined;
  }
  return plain.test(char) ? { source: char, length: 1 } : undefined;
}

/**
 * The class starting at `at`, up to its first unescaped `]`. A `]` first in the class (`[]a]`,
 * `[^]`) is read apart by the two engines: no class then.
 */
function classAt(pattern: string, at: number): string | undefined {
  let i = at + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') return undefined;
  for (; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']') return pattern.slice(at, i + 1);
  }
  return undefined;
}
