import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Finding } from '@platform/manifests';
import type { SourceFile } from '../../checks/source-file';
import type { IdentifiedResource } from '../../checks/resources/identified-resource';
import type { SchemaCatalog } from '../../evaluators/schema-catalog/schema-catalog';
import { kubeconformArguments } from './kubeconform-arguments';
import { kubeconformFindings } from './kubeconform-findings';
import { parseKubeconformOutput } from './kubeconform-output';
import { writeKubeconformSchemas } from './standalone-schemas';

export interface KubeconformRun {
  binary: string;
  files: readonly SourceFile[];
  resources: readonly IdentifiedResource[];
  catalog: SchemaCatalog;
  /** `apiVersion/kind` of the resources kubeconform must skip. */
  skip: readonly string[];
}

/**
 * Runs kubeconform over the files (copied into a scratch directory, so in-memory renders work too)
 * against the embedded schemas written in its layout, and maps its results to findings.
 */
export async function runKubeconform(run: KubeconformRun): Promise<Finding[]> {
  if (run.files.length === 0) return [];
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-kubeconform-'));
  try {
    const schemaDirectory = join(scratch, 'schemas');
    writeKubeconformSchemas(schemaDirectory, run.catalog.sets);
    const filesByArgument = new Map<string, SourceFile>();
    mkdirSync(join(scratch, 'files'));
    run.files.forEach((file, index) => {
      const argument = join(scratch, 'files', `${index}-${basename(file.path)}`);
      writeFileSync(argument, file.content);
      filesByArgument.set(argument, file);
    });
    const args = kubeconformArguments({
      schemaDirectory,
      skip: run.skip,
      files: [...filesByArgument.keys()],
    });
    // Imported here: only runs with kubeconform need it, and loading it slows every `gitops` start.
    const { execa } = await import('execa');
    const result = await execa(run.binary, args, { reject: false, stripFinalNewline: false });
    // kubeconform exits 1 when a resource is invalid; anything else means it did not run properly.
    if (result.exitCode !== 0 && result.exitCode !== 1) {
      throw new Error(
        `kubeconform exited with ${String(result.exitCode)}: ${String(result.stderr).trim() || String(result.stdout).trim()}`,
      );
    }
    return kubeconformFindings(
      parseKubeconformOutput(String(result.stdout)),
      filesByArgument,
      run.resources,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
