import {
  podSecurityLabel,
  podSecurityModes,
  podSecurityRuleOfLevel,
  policyExemptionAnnotation,
  type PodSecurityLevel,
} from '@platform/manifests';
import { namespaceAdmissionExemptions } from '@platform/policy';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { PlatformChart } from '../chart/platform-chart';

export interface PlatformNamespaceProps {
  name: string;
  /** Pod Security Standard enforced, audited and warned at. */
  podSecurity: PodSecurityLevel;
  /** Required below `restricted`: why this namespace cannot be restricted. */
  exemptionReason?: string;
  labels?: Record<string, string>;
}

/**
 * A Namespace with Pod Security Admission labels for all three modes, pinned to the cluster's
 * Kubernetes minor so an upgrade does not silently tighten or loosen the standard, and the
 * admission exemptions its workloads' typed exemptions need: admission sees Pods, never the
 * DaemonSet an exemption is declared on, so the Namespace (which only the platform writes) carries
 * it to them.
 */
export function addPlatformNamespace(chart: PlatformChart, props: PlatformNamespaceProps) {
  const version = `v${chart.context.cluster.eks.kubernetesVersion}`;
  const labels: Record<string, string> = { ...props.labels };
  for (const mode of podSecurityModes) {
    labels[podSecurityLabel(mode)] = props.podSecurity;
    labels[`${podSecurityLabel(mode)}-version`] = version;
  }
  const { cluster, catalog } = chart.context;
  // A context built by hand (a test of one component) may have no catalog: no workload then.
  const exemptions = (catalog ?? [])
    .filter((component) => component.clusters.includes(cluster.name))
    .flatMap((component) => component.exemptions ?? []);
  const annotations: Record<string, string> = namespaceAdmissionExemptions(props.name, exemptions);
  if (props.podSecurity !== 'restricted') {
    if (!props.exemptionReason) {
      throw new Error(
        `namespace ${props.name}: Pod Security "${props.podSecurity}" needs an exemptionReason`,
      );
    }
    annotations[policyExemptionAnnotation(podSecurityRuleOfLevel.restricted)] =
      props.exemptionReason;
    if (props.podSecurity === 'privileged') {
      annotations[policyExemptionAnnotation(podSecurityRuleOfLevel.baseline)] =
        props.exemptionReason;
    }
  }
  const namespace: INamespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: props.name,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
  };
  return chart.add(namespace);
}
