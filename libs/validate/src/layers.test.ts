import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The library's three layers (README.md), each a folder, and what else lives beside them:
 * - checks/ (and config/, its data): pure checks, importing nothing that runs, caches or spawns;
 * - evaluators/: the schema catalog and the CEL evaluator, their caches in evaluators/caches/;
 * - runner/: how a run goes (in order, reader thread, kubeconform), behind `validate`.
 * An import may only go down (or stay in its layer), and no modules import each other in a loop.
 */
const layers = { checks: 0, config: 0, evaluators: 1, runner: 2, index: 3 } as const;
/** Test support: may import any layer's modules, never the library's own index. */
const testSupport = ['upstream-agreement', 'testing'];

const sourceRoot = fileURLToPath(new URL('.', import.meta.url));

interface Import {
  from: string;
  /** A module of this library (`runner/validate`), or a package or built-in as written. */
  to: string;
  typeOnly: boolean;
  local: boolean;
}

function modules(directory = sourceRoot): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') ? [relative(sourceRoot, path).replace(/\.ts$/, '')] : [];
  });
}

/** Every `import … from` and `export … from` of a module, static or dynamic. */
function importsOf(module: string): Import[] {
  const text = readFileSync(join(sourceRoot, `${module}.ts`), 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const local = specifier.startsWith('.');
    const to = local ? normalize(join(dirname(module), specifier)) : specifier;
    found.push({ from: module, to, typeOnly, local });
  };
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms))
    add(match[2]!, match[1] !== undefined);
  for (const match of text.matchAll(/^import\s+'([^']+)'/gm)) add(match[1]!, false);
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) add(match[1]!, false);
  return found;
}

const isTest = (module: string) => module.endsWith('.test');
const topFolder = (module: string) => module.split('/')[0]!;
const layerOf = (module: string): number | undefined =>
  (layers as Record<string, number>)[topFolder(module)];

const all = modules();
const product = all.filter((module) => !isTest(module));
const productImports = product.flatMap(importsOf);

/** Modules that import each other, directly or through others: strongly connected components. */
function cycles(nodes: readonly string[], edges: readonly Import[]): string[][] {
  const next = new Map(nodes.map((node) => [node, [] as string[]]));
  for (const edge of edges) if (edge.local && next.has(edge.to)) next.get(edge.from)!.push(edge.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || next.get(node)!.includes(node)) found.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

describe('the layers of libs/validate', () => {
  it('reads the imports it judges (the graph is not empty, local imports resolve)', () => {
    expect(productImports).toContainEqual(
      expect.objectContaining({ from: 'runner/validate', to: 'runner/validate-files' }),
    );
    const unresolved = productImports.filter((edge) => edge.local && !all.includes(edge.to));
    expect(unresolved).toEqual([]);
  });

  it('puts every module of the library in a layer or in test support', () => {
    // Tests of the whole library (this one) sit at its root.
    const homeless = all.filter(
      (module) =>
        layerOf(module) === undefined &&
        !testSupport.includes(topFolder(module)) &&
        !(isTest(module) && !module.includes('/')),
    );
    expect(homeless).toEqual([]);
  });

  it('imports only down: checks import neither evaluators nor runner, evaluators not runner', () => {
    const upward = product.flatMap((module) =>
      importsOf(module)
        .filter((edge) => edge.local && layerOf(module) !== undefined)
        .filter((edge) => (layerOf(edge.to) ?? Infinity) > layerOf(module)!)
        .map((edge) => `${edge.from} -> ${edge.to}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the checks pure: no Node built-in, no package but manifests (and types)', () => {
    const impure = productImports
      .filter((edge) => layerOf(edge.from) === 0 && !edge.local && !edge.typeOnly)
      .filter((edge) => edge.to !== '@platform/manifests')
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(impure).toEqual([]);
  });

  it('keeps the caches ignorant of what they cache', () => {
    const knowing = productImports
      .filter((edge) => edge.from.startsWith('evaluators/caches/') && edge.local)
      .filter((edge) => !edge.to.startsWith('evaluators/caches/'))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(knowing).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(product, productImports)).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one (the checks above can fail)', () => {
    const edge = (from: string, to: string): Import => ({ from, to, typeOnly: false, local: true });
    expect(cycles(['a', 'b', 'c'], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')])).toEqual([
      ['a', 'b', 'c'],
    ]);
    expect(layerOf('checks/validate-file')).toBeLessThan(layerOf('evaluators/cel/cel-rules')!);
  });

  it('lets test support use modules directly, never the library index', () => {
    const throughIndex = all
      .filter((module) => !module.startsWith('index'))
      .flatMap(importsOf)
      .filter((edge) => edge.local && edge.to === 'index')
      .map((edge) => edge.from);
    expect(throughIndex).toEqual([]);
  });
});
