/**
 * A JSON-like value as Lua 5.1 source: the table constructor that builds the value Argo CD hands a
 * script as `obj` (util/lua/lua.go, decodeValue: objects become tables keyed by string, arrays
 * become sequences from 1, numbers become Lua numbers, null becomes nil).
 */
export function luaLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'nil';
  if (typeof value === 'string') return luaString(value);
  if (Array.isArray(value)) return `{${value.map(luaLiteral).join(',')}}`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `[${luaString(key)}]=${luaLiteral(item)}`,
    );
    return `{${fields.join(',')}}`;
  }
  return 'nil';
}

/** A Lua 5.1 quoted string: backslash, quote and control characters escaped as `\ddd`. */
export function luaString(text: string): string {
  return `"${text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\${c.charCodeAt(0)}`))}"`;
}
