/** A kubeconform validation message split per field and reworded like the embedded engine's. */
export interface RewordedMessage {
  /** Field name under the error's path, for unknown and missing fields. */
  field?: string;
  part: 'key' | 'value';
  message: string;
}

const quotedNames = (list: string) =>
  [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');

/**
 * kubeconform passes through the messages of its JSON Schema library (santhosh-tekuri/jsonschema);
 * both its v5 (`additionalProperties 'x' not allowed`) and v6 (`additional properties 'x' not
 * allowed`, `got string, want integer`) wordings are recognised. Others are kept as they are.
 */
export function rewordKubeconformMessage(message: string): RewordedMessage[] {
  let match = /^additional ?properties (.+) not allowed$/i.exec(message);
  if (match)
    return quotedNames(match[1]!).map((field) => ({
      field,
      part: 'key',
      message: `unknown field ${JSON.stringify(field)}`,
    }));
  match = /^missing propert(?:y|ies):? (.+)$/i.exec(message);
  if (match)
    return quotedNames(match[1]!).map((field) => ({
      field,
      part: 'key',
      message: `missing required field ${JSON.stringify(field)}`,
    }));
  const gotWant = /^got (\S+), want (.+)$/.exec(message);
  if (gotWant) return [typeMessage(gotWant[2]!, gotWant[1]!)];
  const expectedGot = /^expected (.+), but got (\S+)$/.exec(message);
  if (expectedGot) return [typeMessage(expectedGot[1]!, expectedGot[2]!)];
  match = /^value must be one of (.+)$/.exec(message);
  if (match)
    return [{ part: 'value', message: `must be one of: ${quotedNames(match[1]!).join(', ')}` }];
  return [{ part: 'value', message }];
}

function typeMessage(expected: string, actual: string): RewordedMessage {
  return { part: 'value', message: `must be ${expected.replace(/,\s*/g, ' or ')}, got ${actual}` };
}
