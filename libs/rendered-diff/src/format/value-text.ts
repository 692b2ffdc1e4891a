/** A value on one line: scalars as YAML shows them, objects and lists as compact JSON, cut at `limit`. */
export function valueText(value: unknown, limit = 120): string {
  const text = oneLine(value);
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}… (${text.length} chars)`;
}

function oneLine(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') {
    return value === '' || /^\s|\s$|[\n:#]|^(true|false|null|~|[-+]?[\d.]+)$/i.test(value)
      ? JSON.stringify(value)
      : value;
  }
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

export const isMultiline = (value: unknown): value is string =>
  typeof value === 'string' && value.includes('\n');
