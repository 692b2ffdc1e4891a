/** One resource in kubeconform's `-output json` (non-valid ones only, unless -verbose). */
export interface KubeconformResourceResult {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status:
    | 'statusValid'
    | 'statusInvalid'
    | 'statusError'
    | 'statusSkipped'
    | 'statusEmpty'
    | string;
  msg: string;
  validationErrors?: { path: string; msg: string }[];
}

export interface KubeconformOutput {
  resources: KubeconformResourceResult[];
  summary?: { valid: number; invalid: number; errors: number; skipped: number };
}

/** Parses kubeconform's JSON output; anything else is an error of the run, not a finding. */
export function parseKubeconformOutput(stdout: string): KubeconformOutput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new Error(`kubeconform did not print JSON: ${stdout.slice(0, 200)}`);
  }
  const resources = (parsed as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) throw new Error('kubeconform JSON output has no "resources" list');
  return parsed as KubeconformOutput;
}
