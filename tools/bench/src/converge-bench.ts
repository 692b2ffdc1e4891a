// Converge benchmark. (1) What the replay adds to `gitops check` on this repository: check has
// parsed rendered/ already (validate and policy share the parse), so the added cost is the replay
// over those files, in a process where it runs for the first time (the Lua interpreter loads,
// the code is cold). CPU time (user + system) is reported beside wall time: on the shared 2-core
// machine wall time mostly measures the neighbours. (2) Scaling: the real tree plus N generated
// components (an Application each, in root waves 1-10, syncing a ConfigMap, a ServiceAccount and a
// Deployment into one of ten namespaces), at N = 100, 250 and 1,000: linear means the time per
// component stays flat.
// Run: npx tsx tools/bench/src/converge-bench.ts (target: under 500 ms of CPU added to check).
import { performance } from 'node:perf_hooks';
import { converge, type ConvergeInput, type RenderedFile } from '@platform/converge';
import { convergeInput, repositoryRoot, renderedCapacityFiles } from '@platform/gitops';
import { parseSourceFile } from '@platform/manifests';
import { median } from './median-timing';

const runs = Number(process.env.BENCH_RUNS ?? 5);

function measure(input: ConvergeInput): { wallMs: number; cpuMs: number; steps: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = converge(input);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (!result.clusters.every((c) => c.converged))
    throw new Error('the benchmark tree does not converge');
  return { wallMs, cpuMs: (used.user + used.system) / 1000, steps: result.steps };
}

const row = (label: string, wallMs: number, cpuMs: number, extra = '') =>
  `${label.padEnd(44)} wall ${wallMs.toFixed(0).padStart(6)} ms   cpu ${cpuMs.toFixed(0).padStart(6)} ms${extra}`;

/** N generated components on the workload cluster, with their Applications and one project. */
function generated(count: number): RenderedFile[] {
  const root = 'rendered/mgmt/argocd-root/app-of-apps';
  const namespaces = Array.from({ length: 10 }, (_, i) => `bench-${i}`);
  const files: RenderedFile[] = [
    {
      path: `${root}/appproject-argocd-bench.yaml`,
      content: `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: bench\n  namespace: argocd\n  annotations:\n    argocd.argoproj.io/sync-wave: "-31"\nspec:\n  sourceRepos: ["*"]\n  destinations: [{ name: ci, namespace: "bench-*" }]\n  clusterResourceWhitelist: [{ group: "", kind: Namespace }]\n`,
    },
    application('bench-namespaces', 0, 'bench-0'),
    ...namespaces.map((ns) => ({
      path: `rendered/ci/bench/namespaces/namespace-${ns}.yaml`,
      content: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`,
    })),
  ];
  for (let i = 0; i < count; i++) {
    const name = `service-${i}`;
    const ns = namespaces[i % namespaces.length]!;
    const dir = `rendered/ci/bench/${name}`;
    files.push(application(name, 1 + (i % 10), ns));
    files.push({
      path: `${dir}/configmap-${ns}-${name}.yaml`,
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n  k: v\n`,
    });
    files.push({
      path: `${dir}/serviceaccount-${ns}-${name}.yaml`,
      content: `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n`,
    });
    files.push({
      path: `${dir}/deployment-${ns}-${name}.yaml`,
      content: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      serviceAccountName: ${name}\n      containers:\n        - name: app\n          image: registry.example.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000\n          envFrom: [{ configMapRef: { name: ${name} } }]\n`,
    });
  }
  return files;

  function application(name: string, wave: number, namespace: string): RenderedFile {
    const path =
      name === 'bench-namespaces' ? 'rendered/ci/bench/namespaces' : `rendered/ci/bench/${name}`;
    return {
      path: `${root}/application-argocd-ci-bench-${name}.yaml`,
      content: `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ci-bench-${name}\n  namespace: argocd\n  annotations:\n    argocd.argoproj.io/sync-wave: "${wave}"\n  finalizers: [resources-finalizer.argocd.argoproj.io]\nspec:\n  project: bench\n  source: { repoURL: https://gitlab.example.com/platform/ci-platform-gitops.git, targetRevision: main, path: ${path} }\n  destination: { name: ci, namespace: ${namespace} }\n  syncPolicy: { automated: { prune: true, selfHeal: true } }\n`,
    };
  }
}

const files = renderedCapacityFiles(repositoryRoot);
for (const file of files) parseSourceFile(file);
const input = convergeInput(repositoryRoot, files);
const first = measure(input);
const warm = Array.from({ length: runs }, () => measure(input));
console.log(`converge over ${files.length} rendered files (${first.steps} steps)`);
console.log(row('first replay in the process (as in check)', first.wallMs, first.cpuMs));
console.log(
  row(
    `warm, median of ${runs}`,
    median(warm.map((m) => m.wallMs)),
    median(warm.map((m) => m.cpuMs)),
  ),
);
console.log(
  `converge adds ${first.cpuMs < 500 ? 'under' : 'OVER'} the 500 ms budget to gitops check (CPU time of the first replay)`,
);

console.log('\nscaling: the tree plus N generated components (warm, median)');
const base = median(warm.map((m) => m.cpuMs));
const perComponent: number[] = [];
for (const count of [100, 250, 1000]) {
  const scaled = { ...input, files: [...input.files, ...generated(count)] };
  for (const file of scaled.files) parseSourceFile(file);
  const measured = Array.from({ length: Math.max(1, Math.min(runs, 3)) }, () => measure(scaled));
  const cpu = median(measured.map((m) => m.cpuMs));
  const added = (cpu - base) / count;
  perComponent.push(added);
  const note = `   ${added.toFixed(2)} ms per added component, ${measured[0]!.steps} steps`;
  console.log(row(`${count} components`, median(measured.map((m) => m.wallMs)), cpu, note));
}
const growth = perComponent[2]! / perComponent[0]!;
console.log(
  `CPU per added component at 1,000 is ${growth.toFixed(2)}x that at 100 (${growth < 2 ? 'linear' : 'NOT linear'}; the tree alone: ${base.toFixed(0)} ms warm)`,
);
