/**
 * A CEL rule is a pure function of `self` (rules that read `oldSelf` are never evaluated), and
 * many of the values rules see repeat across resources: a label key, an operator, a requirement.
 * Each rule keeps the outcome of the first values it sees, up to a bound, keyed by the value.
 */
export class CelOutcomeMemo<Rule extends object> {
  private readonly outcomes = new WeakMap<Rule, Map<string, string | undefined>>();

  constructor(private readonly maxOutcomesPerRule = 1_000) {}

  /** The outcome of `rule` for `value`: remembered when the value has a key, else computed. */
  outcome(rule: Rule, value: unknown, compute: () => string | undefined): string | undefined {
    const key = this.keyOf(value);
    if (key === undefined) return compute();
    let known = this.outcomes.get(rule);
    if (!known) this.outcomes.set(rule, (known = new Map()));
    if (known.has(key)) return known.get(key);
    const result = compute();
    if (known.size < this.maxOutcomesPerRule) known.set(key, result);
    return result;
  }

  /** Several rules often sit at one node: an object's key is written once for all of them. */
  private readonly keysOfObjects = new WeakMap<object, string | null>();

  private keyOf(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return memoKey(value);
    let key = this.keysOfObjects.get(value);
    if (key === undefined) this.keysOfObjects.set(value, (key = memoKey(value) ?? null));
    return key ?? undefined;
  }
}

const maxKeyLength = 256;

/**
 * A text that two values share only if CEL cannot tell them apart: every string is prefixed with
 * its length, so no content can fake a boundary; numbers CEL may treat apart from what their text
 * says (NaN, infinities, -0) and values too large to be worth remembering have no key.
 */
export function memoKey(value: unknown): string | undefined {
  const key = new KeyText();
  return key.visit(value) ? key.text : undefined;
}

/** The key being written: fails (false) at the first part it cannot take. */
class KeyText {
  text = '';

  visit(node: unknown): boolean {
    switch (typeof node) {
      case 'string':
        return this.add(`s${node.length}:${node}`);
      case 'boolean':
        return this.add(node ? 't' : 'f');
      case 'number':
        return Number.isFinite(node) && !Object.is(node, -0) && this.add(`n${node};`);
      case 'object':
        if (node === null) return this.add('z');
        return Array.isArray(node)
          ? this.visitArray(node)
          : this.visitObject(node as Record<string, unknown>);
      default:
        return false;
    }
  }

  private visitArray(node: readonly unknown[]): boolean {
    if (!this.add(`[${node.length}`)) return false;
    for (const item of node) if (!this.visit(item)) return false;
    return true;
  }

  private visitObject(node: Record<string, unknown>): boolean {
    const keys = Object.keys(node);
    if (!this.add(`{${keys.length}`)) return false;
    for (const key of keys)
      if (!this.add(`k${key.length}:${key}`) || !this.visit(node[key])) return false;
    return true;
  }

  private add(part: string): boolean {
    this.text += part;
    return this.text.length <= maxKeyLength;
  }
}
