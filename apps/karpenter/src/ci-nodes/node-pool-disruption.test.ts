import { committedObjects } from '@platform/rendered-tree';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The reasons each policy produces (Karpenter 1.14 disruption controller). */
const reasonsOf: Record<string, string[]> = {
  WhenEmpty: ['Empty', 'Drifted'],
  WhenEmptyOrUnderutilized: ['Empty', 'Drifted', 'Underutilized'],
  Balanced: ['Empty', 'Drifted', 'Underutilized'],
};

describe('NodePool disruption budgets', () => {
  it('name only reasons the rendered NodePools’ consolidation policy produces', () => {
    const pools = committedObjects('rendered').filter((o) => o.kind === 'NodePool');
    expect(pools.length).toBeGreaterThan(0);
    for (const pool of pools) {
      const disruption = (
        pool.spec as {
          disruption: { consolidationPolicy: string; budgets: { reasons?: string[] }[] };
        }
      ).disruption;
      const allowed = reasonsOf[disruption.consolidationPolicy]!;
      for (const budget of disruption.budgets)
        for (const reason of budget.reasons ?? [])
          expect(
            allowed,
            `${pool.file}: ${reason} under ${disruption.consolidationPolicy}`,
          ).toContain(reason);
    }
  });

  /** Type-checks a snippet against node-pool-disruption.ts; returns the compiler's messages. */
  function typeErrors(snippet: string): string[] {
    const module = join(__dirname, 'node-pool-disruption.ts');
    const files: Record<string, string> = {
      '/snippet.ts': `import { nodePoolDisruption } from './node-pool-disruption';\n${snippet}`,
      '/node-pool-disruption.ts': readFileSync(module, 'utf8'),
    };
    // The smallest library that declares NoInfer, and no @types: the snippet needs nothing else.
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES5,
      lib: ['lib.es5.d.ts'],
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      files[name] !== undefined
        ? ts.createSourceFile(name, files[name]!, version)
        : read(name, version);
    host.fileExists = (name) => files[name] !== undefined || ts.sys.fileExists(name);
    host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
    const program = ts.createProgram(['/snippet.ts'], options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  }

  const budgets = (reasons: string) =>
    `[{ nodes: '100%', reasons: ['Empty'] }, { nodes: '10%', reasons: [${reasons}] }]`;

  it('cannot name Underutilized under WhenEmpty: the type refuses it', () => {
    const errors = typeErrors(
      `nodePoolDisruption({ consolidationPolicy: 'WhenEmpty', consolidateAfter: '5m', budgets: ${budgets("'Drifted', 'Underutilized'")} });`,
    );
    expect(errors.join('\n')).toMatch(/"Underutilized"/);
  });

  it('accepts Underutilized under WhenEmptyOrUnderutilized and Balanced, and Drifted under any', () => {
    expect(
      typeErrors(
        `nodePoolDisruption({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '5m', budgets: ${budgets("'Drifted', 'Underutilized'")} });\n` +
          `nodePoolDisruption({ consolidationPolicy: 'Balanced', consolidateAfter: '5m', budgets: ${budgets("'Underutilized'")} });\n` +
          `nodePoolDisruption({ consolidationPolicy: 'WhenEmpty', consolidateAfter: '5m', budgets: ${budgets("'Drifted'")} });`,
      ),
    ).toEqual([]);
  });
});
