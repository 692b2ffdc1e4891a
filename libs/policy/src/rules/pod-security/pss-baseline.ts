import type { FieldPath } from '@platform/manifests';
import {
  arrayOf,
  isJsonObject,
  objectOf,
  stringOf,
  type JsonObject,
} from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { podContainers, type PodContainer } from '../../workload/pod-containers';
import {
  hostNamespacesShared,
  hostPathVolumes,
  type HostNamespaceField,
} from '../../workload/pod-host-access';
import { podTemplateOf, podWorkloadKinds, type PodTemplate } from '../../workload/pod-template';
import { baselineCapabilities, confinedProfileTypes, ruleOfLevel } from './pod-security-standard';
import { labelOfMinor } from '../../pod-security-version/kubernetes-minor';
import {
  appArmorFieldsClusterSince,
  hostProbesSince,
  namesAllowedAt,
  safeSysctlAdditions,
  seLinuxTypeAdditions,
  userNamespaceRelaxationSince,
} from '../../pod-security-version/standard-changes';
import type { PodSecurityVersion } from '../../pod-security-version/workload-version';

const hostNamespaceNames: Record<HostNamespaceField, string> = {
  hostNetwork: 'network',
  hostPID: 'process',
  hostIPC: 'IPC',
};
const probeFields = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const legacyAppArmorPrefix = 'container.apparmor.security.beta.kubernetes.io/';

export const pssBaseline: ResourceRule = {
  id: ruleOfLevel.baseline,
  severity: 'error',
  rationale:
    'Baseline blocks the known ways out of a container onto the node; a pod that breaks it can take over the node.',
  checks: [
    'Every pod template against the Kubernetes Pod Security Standard **baseline** at the version its namespace pins (see [Pod Security versions](#pod-security-versions)), for containers, init containers and ephemeral containers:',
    '',
    '- no `hostNetwork`, `hostPID` or `hostIPC`, no `hostPath` volumes, no non-zero `hostPort`;',
    '- no `privileged` containers and no Windows `hostProcess`;',
    `- \`capabilities.add\` only from the runtime's default set (${[...baselineCapabilities].join(', ')});`,
    '- seccomp and AppArmor profiles not `Unconfined` (AppArmor also in the legacy `container.apparmor.security.beta.kubernetes.io/*` annotations, whose value must be empty, `runtime/default` or `localhost/*`);',
    '- SELinux: no custom `user` or `role`, and `type` only from the allowed set of the version;',
    '- `procMount` only `Default` (any, from v1.35, when the pod sets `hostUsers: false`);',
    '- sysctls only from the safe set of the version;',
    `- from v1.${hostProbesSince}, probes and lifecycle hooks do not set \`host\` (the kubelet would connect past the pod).`,
  ].join('\n'),
  fix: 'Remove the field or set it to the allowed value. A workload that truly needs host access (a node agent) belongs in a namespace labelled `privileged` whose exemption says why.',
  exemption: 'resource-or-namespace',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  check(resource, context) {
    const template = podTemplateOf(resource);
    return template ? baselineViolations(template, context.podSecurityVersion(resource)) : [];
  },
};

type Add = (path: FieldPath, message: string) => void;

function baselineViolations(template: PodTemplate, version: PodSecurityVersion): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add: Add = (path, message) => violations.push({ path, message });
  const { spec, specPath } = template;

  for (const { field, path } of hostNamespacesShared(template)) {
    add(path, `${field}: true shares the node's ${hostNamespaceNames[field]} namespace`);
  }
  for (const volume of hostPathVolumes(template)) {
    const where = volume.nodePath ? ` (${volume.nodePath})` : '';
    add(volume.path, `volume "${volume.name}" mounts a hostPath${where} from the node`);
  }
  const rules: SecurityContextRules = {
    at: `Pod Security ${labelOfMinor(version.policy)}`,
    seLinuxTypes: namesAllowedAt(seLinuxTypeAdditions, version.policy),
    appArmorFields: version.cluster >= appArmorFieldsClusterSince,
  };
  const podContext = objectOf(spec.securityContext);
  const podContextPath = [...specPath, 'securityContext'];
  securityContextViolations(podContext, podContextPath, 'the pod', rules, add);
  const safeSysctls = namesAllowedAt(safeSysctlAdditions, version.policy);
  arrayOf(podContext.sysctls).forEach((sysctl, index) => {
    const name = stringOf(objectOf(sysctl).name);
    if (name !== undefined && !safeSysctls.has(name)) {
      add(
        [...podContextPath, 'sysctls', index, 'name'],
        `sysctl "${name}" is not in the safe set of ${rules.at}`,
      );
    }
  });
  for (const container of podContainers(template)) {
    containerViolations(container, spec, version, rules, add);
  }
  legacyAppArmorViolations(template, add);
  return violations;
}

/** The controls of one container (the pod-level ones come from its pod). */
function containerViolations(
  container: PodContainer,
  spec: JsonObject,
  version: PodSecurityVersion,
  rules: SecurityContextRules,
  add: Add,
) {
  const context = container.securityContext;
  const contextPath = [...container.path, 'securityContext'];
  if (context.privileged === true) {
    add([...contextPath, 'privileged'], `${container.title} is privileged`);
  }
  arrayOf(objectOf(context.capabilities).add).forEach((capability, index) => {
    if (typeof capability === 'string' && !baselineCapabilities.has(capability)) {
      add(
        [...contextPath, 'capabilities', 'add', index],
        `${container.title} adds capability ${capability}, outside the baseline default set`,
      );
    }
  });
  // From v1.35 a pod in a user namespace may unmask /proc: it is the pod's own, not the node's.
  const relaxed = version.policy >= userNamespaceRelaxationSince;
  const procMount = stringOf(context.procMount);
  if (procMount && procMount !== 'Default' && !(relaxed && spec.hostUsers === false)) {
    add(
      [...contextPath, 'procMount'],
      `${container.title} sets procMount ${procMount}; ${rules.at} allows ${relaxed ? 'it only with hostUsers: false' : 'only Default'}`,
    );
  }
  securityContextViolations(context, contextPath, container.title, rules, add);
  arrayOf(container.value.ports).forEach((port, index) => {
    const hostPort = objectOf(port).hostPort;
    if (typeof hostPort === 'number' && hostPort !== 0) {
      add(
        [...container.path, 'ports', index, 'hostPort'],
        `${container.title} binds hostPort ${hostPort} on the node`,
      );
    }
  });
  if (version.policy >= hostProbesSince) {
    hostProbeViolations(container.value, container.path, container.title, add);
  }
}

/** AppArmor in the legacy annotations, which Pod Security admission still checks. */
function legacyAppArmorViolations(template: PodTemplate, add: Add) {
  for (const [key, value] of Object.entries(objectOf(template.metadata.annotations))) {
    if (!key.startsWith(legacyAppArmorPrefix) || typeof value !== 'string') continue;
    if (value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
      add(
        [...template.metadataPath, 'annotations', key],
        `AppArmor profile "${value}" for container "${key.slice(legacyAppArmorPrefix.length)}" is not runtime/default or localhost/*`,
      );
    }
  }
}

/** What the version decides for the controls of a securityContext. */
interface SecurityContextRules {
  /** `Pod Security v1.33`, as messages name the version. */
  at: string;
  seLinuxTypes: ReadonlySet<string>;
  /** Whether the API server checks the `appArmorProfile` fields (not only the annotations). */
  appArmorFields: boolean;
}

/** Controls that apply alike to the pod's and to each container's securityContext. */
function securityContextViolations(
  context: JsonObject,
  path: FieldPath,
  owner: string,
  rules: SecurityContextRules,
  add: (path: FieldPath, message: string) => void,
) {
  if (objectOf(context.windowsOptions).hostProcess === true) {
    add(
      [...path, 'windowsOptions', 'hostProcess'],
      `${owner} runs as a Windows HostProcess with access to the node`,
    );
  }
  const profiles = rules.appArmorFields
    ? (['seccompProfile', 'appArmorProfile'] as const)
    : (['seccompProfile'] as const);
  for (const profile of profiles) {
    const type = stringOf(objectOf(context[profile]).type);
    if (type !== undefined && !confinedProfileTypes.has(type)) {
      add(
        [...path, profile, 'type'],
        `${owner} sets ${profile}.type ${type}; only RuntimeDefault or Localhost keep it confined`,
      );
    }
  }
  const seLinux = objectOf(context.seLinuxOptions);
  const seLinuxType = stringOf(seLinux.type);
  if (seLinuxType && !rules.seLinuxTypes.has(seLinuxType)) {
    add([...path, 'seLinuxOptions', 'type'], `${owner} sets SELinux type ${seLinuxType}`);
  }
  for (const field of ['user', 'role'] as const) {
    if (stringOf(seLinux[field])) {
      add([...path, 'seLinuxOptions', field], `${owner} sets a custom SELinux ${field}`);
    }
  }
}

/** A probe or hook with `host` makes the kubelet connect somewhere other than the pod. */
function hostProbeViolations(
  container: JsonObject,
  path: FieldPath,
  owner: string,
  add: (path: FieldPath, message: string) => void,
) {
  const handlers: { path: FieldPath; handler: unknown; name: string }[] = [
    ...probeFields.map((field) => ({
      path: [...path, field],
      handler: container[field],
      name: field,
    })),
    ...(['postStart', 'preStop'] as const).map((hook) => ({
      path: [...path, 'lifecycle', hook],
      handler: objectOf(container.lifecycle)[hook],
      name: `lifecycle.${hook}`,
    })),
  ];
  for (const { path: handlerPath, handler, name } of handlers) {
    if (!isJsonObject(handler)) continue;
    for (const action of ['httpGet', 'tcpSocket'] as const) {
      const host = stringOf(objectOf(handler[action]).host);
      if (host) {
        add(
          [...handlerPath, action, 'host'],
          `${owner} ${name} targets host "${host}" instead of the pod`,
        );
      }
    }
  }
}
