/**
 * The key paths a chart's values.yaml offers: the keys it sets, and the keys it documents as
 * comments (`# replicas: 1`, `  # secret: gitlab-runner`), which its templates read just the same.
 * Nesting follows indentation, as YAML's does; a commented key's indentation is measured after
 * its `#`. Prose comments (`## …`) are not keys.
 */
export function documentedKeyPaths(valuesYaml: string): Set<string> {
  const paths = new Set<string>();
  const stack: { indent: number; key: string }[] = [];
  let blockScalarIndent: number | undefined;
  for (const line of valuesYaml.split('\n')) {
    const entry = keyOfLine(line);
    if (!entry) continue;
    if (blockScalarIndent !== undefined && entry.indent > blockScalarIndent) continue;
    blockScalarIndent = undefined;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= entry.indent) stack.pop();
    stack.push(entry);
    paths.add(stack.map((level) => level.key).join('.'));
    if (entry.blockScalar) blockScalarIndent = entry.indent;
  }
  return paths;
}

interface KeyLine {
  indent: number;
  key: string;
  blockScalar: boolean;
}

function keyOfLine(line: string): KeyLine | undefined {
  // List items (`- name: x`) belong to a value typed whole, never to a key path of their own.
  const match = /^(\s*)(#(?!#)\s?)?(\s*)([A-Za-z_][\w.-]*):(\s|$)(.*)$/.exec(line);
  if (!match) return undefined;
  const [, lead = '', hash, afterHash = '', key = '', , rest = ''] = match;
  const indent = lead.length + (hash ? afterHash.length : 0);
  return { indent, key, blockScalar: /^[|>]/.test(rest.trim()) };
}
