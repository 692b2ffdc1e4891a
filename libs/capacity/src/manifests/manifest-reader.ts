/**
 * Reads fields of one parsed manifest; every bad value is an error naming the file, the
 * resource and the field path, so the message says what to fix.
 */
export class ManifestInputError extends Error {}

export type JsonObject = Record<string, unknown>;

export class ManifestReader {
  readonly resource: string;

  constructor(
    readonly file: string,
    readonly object: JsonObject,
  ) {
    const metadata = (object.metadata ?? {}) as JsonObject;
    const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
    this.resource = `${String(object.kind)}/${namespace}${String(metadata.name)}`;
  }

  get name(): string {
    return String(((this.object.metadata ?? {}) as JsonObject).name);
  }

  fail(path: string, message: string): never {
    throw new ManifestInputError(`${this.file}: ${this.resource}: ${path}: ${message}`);
  }

  at(path: string, from: unknown = this.object): unknown {
    return path
      .split('.')
      .filter(Boolean)
      .reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), from);
  }

  objectAt(path: string, from?: unknown): JsonObject {
    const value = this.at(path, from);
    if (value === undefined) return {};
    if (!isObject(value)) this.fail(path, 'expected an object');
    return value;
  }

  arrayAt(path: string, from?: unknown): unknown[] {
    const value = this.at(path, from);
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(path, 'expected a list');
    return value;
  }

  stringAt(path: string, from?: unknown): string | undefined {
    const value = this.at(path, from);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') this.fail(path, 'expected a string');
    return value;
  }

  numberAt(path: string, from?: unknown): number | undefined {
    const value = this.at(path, from);
    if (value === undefined) return undefined;
    if (typeof value !== 'number') this.fail(path, 'expected a number');
    return value;
  }

  /** Converts a quantity, naming the field when it is not one. */
  quantity<T>(path: string, value: unknown, convert: (q: string | number) => T): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      this.fail(path, 'expected a quantity');
    try {
      return convert(value);
    } catch (error) {
      return this.fail(path, (error as Error).message);
    }
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
