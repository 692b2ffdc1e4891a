import type { FieldPath } from '@platform/manifests';
import { arrayOf, isJsonObject, objectOf, stringOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { podContainers, type PodContainer } from '../../workload/pod-containers';
import { podTemplateOf, podWorkloadKinds, type PodTemplate } from '../../workload/pod-template';
import {
  baselineCapabilities,
  restrictedAddableCapability,
  restrictedVolumeTypes,
  ruleOfLevel,
} from './pod-security-standard';
import {
  imageVolumeClusterSince,
  userNamespaceRelaxationSince,
} from '../../pod-security-version/standard-changes';
import type { PodSecurityVersion } from '../../pod-security-version/workload-version';

export const pssRestricted: ResourceRule = {
  id: ruleOfLevel.restricted,
  severity: 'error',
  rationale:
    'Restricted is current pod hardening practice: a compromised container stays an unprivileged process with few syscalls.',
  checks: [
    'Every pod template against what the Pod Security Standard **restricted** adds to baseline, at the version its namespace pins (see [Pod Security versions](#pod-security-versions)); a pod meets restricted when both `pss-baseline` and `pss-restricted` pass; this rule does not repeat what `pss-baseline` reports:',
    '',
    `- volumes only of the types ${[...restrictedVolumeTypes].join(', ')}, and \`image\` on clusters from 1.${imageVolumeClusterSince} (hostPath is reported by \`pss-baseline\`);`,
    '- every container, init container and ephemeral container sets `allowPrivilegeEscalation: false`;',
    '- `runAsNonRoot: true` on the pod or on every container, and `false` nowhere;',
    '- `runAsUser` is not 0 on the pod or any container;',
    `- from v1.${userNamespaceRelaxationSince}, a pod with \`hostUsers: false\` skips the two \`runAs\` controls, but its \`procMount\` must still be \`Default\` (which baseline then no longer requires);`,
    '- `seccompProfile.type` RuntimeDefault or Localhost on the pod or on every container;',
    `- \`capabilities.drop\` contains \`ALL\`, and \`capabilities.add\` holds at most ${restrictedAddableCapability}.`,
    '',
    'As in Kubernetes, pods with `spec.os.name: windows` skip the Linux-only controls (privilege escalation, seccomp, capabilities).',
  ].join('\n'),
  fix: 'Set the fields on the pod template: `securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}` on the pod, and `securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}` on every container. A namespace that cannot run restricted pods is labelled `baseline` (or `privileged`) and carries the exemption with its reason.',
  exemption: 'resource-or-namespace',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  check(resource, context) {
    const template = podTemplateOf(resource);
    return template ? restrictedViolations(template, context.podSecurityVersion(resource)) : [];
  },
};

type Add = (path: FieldPath, message: string) => void;

/** What the pod decides for each container's controls. */
interface PodFacts {
  linux: boolean;
  /** From v1.35 a pod in a user namespace is root only inside it: no runAsNonRoot/runAsUser. */
  userNamespace: boolean;
  runsAsNonRoot: boolean;
  hasSeccomp: boolean;
}

function restrictedViolations(template: PodTemplate, version: PodSecurityVersion): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add: Add = (path, message) => violations.push({ path, message });
  const { spec, specPath } = template;
  volumeViolations(template, version, add);
  const podContext = objectOf(spec.securityContext);
  const podContextPath = [...specPath, 'securityContext'];
  const pod: PodFacts = {
    linux: objectOf(spec.os).name !== 'windows',
    userNamespace: version.policy >= userNamespaceRelaxationSince && spec.hostUsers === false,
    runsAsNonRoot: podContext.runAsNonRoot === true,
    hasSeccomp: objectOf(podContext.seccompProfile).type !== undefined,
  };
  if (!pod.userNamespace && podContext.runAsNonRoot === false)
    add([...podContextPath, 'runAsNonRoot'], 'the pod sets runAsNonRoot: false');
  if (!pod.userNamespace && podContext.runAsUser === 0)
    add([...podContextPath, 'runAsUser'], 'the pod runs as user 0 (root)');
  for (const container of podContainers(template)) containerViolations(container, pod, add);
  return violations;
}

function volumeViolations(template: PodTemplate, version: PodSecurityVersion, add: Add) {
  const volumeTypes =
    version.cluster >= imageVolumeClusterSince
      ? new Set([...restrictedVolumeTypes, 'image'])
      : restrictedVolumeTypes;
  arrayOf(template.spec.volumes).forEach((volume, index) => {
    if (!isJsonObject(volume)) return;
    const type = Object.keys(volume).find((key) => key !== 'name');
    if (type && type !== 'hostPath' && !volumeTypes.has(type)) {
      add(
        [...template.specPath, 'volumes', index, type],
        `volume "${stringOf(volume.name) ?? `#${index}`}" is of type ${type}, which restricted does not allow`,
      );
    }
  });
}

function containerViolations(container: PodContainer, pod: PodFacts, add: Add) {
  const context = container.securityContext;
  const contextPath = [...container.path, 'securityContext'];
  if (pod.linux && context.allowPrivilegeEscalation !== false) {
    add(
      [...contextPath, 'allowPrivilegeEscalation'],
      `${container.title} must set allowPrivilegeEscalation: false`,
    );
  }
  if (pod.userNamespace) {
    // Baseline lets a user-namespace pod unmask /proc; restricted does not.
    if (typeof context.procMount === 'string' && context.procMount !== 'Default') {
      add(
        [...contextPath, 'procMount'],
        `${container.title} sets procMount ${context.procMount}; restricted requires Default even with hostUsers: false`,
      );
    }
  } else {
    runAsViolations(container, contextPath, pod.runsAsNonRoot, add);
  }
  // A profile that is set but not confined is a baseline finding; restricted adds "one must be set".
  if (pod.linux && objectOf(context.seccompProfile).type === undefined && !pod.hasSeccomp) {
    add(
      [...contextPath, 'seccompProfile', 'type'],
      `${container.title} has no seccomp profile: set seccompProfile.type RuntimeDefault on the pod or the container`,
    );
  }
  if (pod.linux) capabilityViolations(container, contextPath, add);
}

function capabilityViolations(container: PodContainer, contextPath: FieldPath, add: Add) {
  const capabilities = objectOf(container.securityContext.capabilities);
  if (!arrayOf(capabilities.drop).includes('ALL')) {
    add([...contextPath, 'capabilities', 'drop'], `${container.title} must drop ALL capabilities`);
  }
  arrayOf(capabilities.add).forEach((capability, index) => {
    // Capabilities outside the baseline set are a baseline finding already.
    if (
      typeof capability === 'string' &&
      capability !== restrictedAddableCapability &&
      baselineCapabilities.has(capability)
    ) {
      add(
        [...contextPath, 'capabilities', 'add', index],
        `${container.title} adds capability ${capability}; restricted allows only ${restrictedAddableCapability}`,
      );
    }
  });
}

function runAsViolations(
  container: PodContainer,
  contextPath: FieldPath,
  podRunsAsNonRoot: boolean,
  add: Add,
) {
  const context = container.securityContext;
  if (context.runAsNonRoot === false) {
    add([...contextPath, 'runAsNonRoot'], `${container.title} sets runAsNonRoot: false`);
  } else if (context.runAsNonRoot !== true && !podRunsAsNonRoot) {
    add(
      [...contextPath, 'runAsNonRoot'],
      `${container.title} may run as root: set runAsNonRoot: true on the pod or the container`,
    );
  }
  if (context.runAsUser === 0)
    add([...contextPath, 'runAsUser'], `${container.title} runs as user 0 (root)`);
}
