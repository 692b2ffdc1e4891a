import { committedObjects, type RenderedObject } from '@platform/rendered-tree';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

type Plugin = Record<string, string>;

/** The kubernetes filter as Fluent Bit reads it: from fluent-bit.yaml if it runs that, else the classic file. */
function kubernetesFilter(
  configMap: RenderedObject,
  daemonSet: RenderedObject,
): Plugin | undefined {
  const args = (daemonSet.spec.template.spec.containers[0].args ?? []) as string[];
  const file = args
    .find((a) => a.startsWith('--config='))!
    .split('/')
    .pop()!;
  const text = configMap.data[file] as string;
  if (file.endsWith('.yaml')) {
    const filters = (parse(text).pipeline?.filters ?? []) as Plugin[];
    return filters.find((f) => f.name === 'kubernetes');
  }
  // Classic: `[FILTER]` sections of `Key Value` lines; keys are case-insensitive.
  return text
    .split(/^\[/m)
    .filter((section) => section.startsWith('FILTER]'))
    .map((section) =>
      Object.fromEntries(
        section
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(/\s+/))
          .filter((parts) => parts[0])
          .map(([key, ...value]) => [key!.toLowerCase(), value.join(' ')]),
      ),
    )
    .find((f) => f.name === 'kubernetes');
}

/** What #21 items 2 and 7 require of the running configuration. */
function problems(configMap: RenderedObject, daemonSet: RenderedObject): string[] {
  const args = (daemonSet.spec.template.spec.containers[0].args ?? []) as string[];
  const found: string[] = [];
  if (!args.some((a) => /^--config=.*\.yaml$/.test(a)))
    found.push(`runs ${args.join(' ')}: the classic format, deprecated at the end of 2026`);
  const filter = kubernetesFilter(configMap, daemonSet) ?? {};
  if (filter.buffer_size === undefined)
    found.push(
      'the kubernetes filter keeps the 32k Buffer_Size: job pods with their CI variables exceed it',
    );
  if ((filter.use_kubelet ?? 'off').toLowerCase() !== 'on')
    found.push('the kubernetes filter reads every pod from the API server, not its kubelet');
  return found;
}

const fixture = (name: string): RenderedObject => {
  const path = join(__dirname, 'fixtures/before-issue-21', name);
  const [document] = parseAllDocuments(readFileSync(path, 'utf8'));
  return { ...(document!.toJS() as object), file: path } as RenderedObject;
};

describe('the Fluent Bit configuration (#21 items 2 and 7)', () => {
  it('failed before: classic format, the default buffer, metadata from the API server', () => {
    expect(
      problems(
        fixture('configmap-observability-fluent-bit.yaml'),
        fixture('daemonset-observability-fluent-bit.yaml'),
      ),
    ).toEqual([
      'runs --workdir=/fluent-bit/etc --config=/fluent-bit/etc/conf/fluent-bit.conf: the classic format, deprecated at the end of 2026',
      'the kubernetes filter keeps the 32k Buffer_Size: job pods with their CI variables exceed it',
      'the kubernetes filter reads every pod from the API server, not its kubelet',
    ]);
  });

  for (const cluster of ['ci', 'mgmt']) {
    it(`runs the YAML configuration on ${cluster}, metadata from its kubelet, an unbounded buffer`, () => {
      const objects = committedObjects(`rendered/${cluster}/observability/fluent-bit`);
      const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
      const daemonSet = objects.find((o) => o.kind === 'DaemonSet')!;
      expect(problems(configMap, daemonSet)).toEqual([]);
      expect(kubernetesFilter(configMap, daemonSet)).toMatchObject({
        buffer_size: '0',
        kubelet_host: '${NODE_IP}',
      });
      const env = daemonSet.spec.template.spec.containers[0].env as {
        name: string;
        valueFrom?: any;
      }[];
      expect(env.find((e) => e.name === 'NODE_IP')?.valueFrom).toEqual({
        fieldRef: { fieldPath: 'status.hostIP' },
      });
    });
  }
});
