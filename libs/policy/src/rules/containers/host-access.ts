import type { ResourceRule } from '../policy-rule';
import {
  hostNamespaceFields,
  hostNamespacesShared,
  hostPathVolumes,
} from '../../workload/pod-host-access';
import { podTemplateOf, podWorkloadKinds } from '../../workload/pod-template';

export const hostAccess: ResourceRule = {
  id: 'host-access',
  severity: 'error',
  rationale:
    "An exemption from Pod Security for privileged builds must not also hand out the node's filesystem and namespaces.",
  checks: [
    'No pod template uses `hostPath` volumes, `hostNetwork`, `hostPID` or `hostIPC`.',
    '',
    '`pss-baseline` forbids the same fields, so while it is in force this rule stays silent (one problem, one finding). It reports only where `pss-baseline` is exempted: a namespace labelled `privileged` (for example for Docker-in-Docker jobs) does not thereby allow host access, which needs its own, separately reasoned exemption.',
  ].join('\n'),
  fix: 'Remove the host access. A node agent that must read the node (logs under /var/log, /proc, the container runtime socket) carries the `host-access` exemption on its own DaemonSet, saying what it reads.',
  exemption: 'resource-or-namespace',
  defersTo: 'pss-baseline',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  admission: {
    namespaces: 'platform',
    enforcement: 'protective',
    validations: [
      {
        expression: [
          ...hostNamespaceFields.map(
            (field) => `!(has(object.spec.${field}) && object.spec.${field} == true)`,
          ),
          '(!has(object.spec.volumes) || object.spec.volumes.all(v, !has(v.hostPath)))',
        ].join(' && '),
        message:
          'the pod uses no hostPath volume, hostNetwork, hostPID or hostIPC (policy rule host-access)',
      },
    ],
  },
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template) return [];
    return [
      ...hostNamespacesShared(template).map(({ field, path }) => ({
        path,
        message: `pod uses ${field}, which is host access`,
      })),
      ...hostPathVolumes(template).map((volume) => ({
        path: volume.path,
        message: `volume "${volume.name}" mounts the node's ${volume.nodePath ?? 'filesystem'}, which is host access`,
      })),
    ];
  },
};
