import type { KubernetesResource, PolicyDocument } from '../document/policy-document';
import { exemptionAnnotations } from '../exemption/exemption-annotation';
import type { ExemptionScope } from '../rules/policy-rule';
import type { ExemptionInForce } from './policy-report';

/**
 * The exemptions in force, by resource and by namespace. Only annotations that name an exemptible
 * rule and give a reason are honoured; the others are findings of the exemption rules.
 */
export class ExemptionLedger {
  readonly inForce: ExemptionInForce[] = [];
  private readonly byResource = new Map<KubernetesResource, Map<string, ExemptionInForce>>();
  /** Keyed by `cluster/namespace`: a Namespace only covers pods deployed to the same cluster. */
  private readonly byNamespace = new Map<string, Map<string, ExemptionInForce>>();

  constructor(documents: readonly PolicyDocument[], exemptibleRuleIds: ReadonlySet<string>) {
    for (const { resource } of documents) {
      if (!resource) continue;
      for (const annotation of exemptionAnnotations(resource)) {
        if (annotation.reason === '' || !exemptibleRuleIds.has(annotation.ruleId)) continue;
        const exemption: ExemptionInForce = {
          rule: annotation.ruleId,
          resource: resource.label,
          file: resource.document.file,
          line: resource.document.locate(annotation.path, 'key').line,
          reason: annotation.reason,
        };
        this.inForce.push(exemption);
        record(this.byResource, resource, exemption);
        if (resource.group === '' && resource.kind === 'Namespace' && resource.name) {
          record(this.byNamespace, namespaceKey(resource.cluster, resource.name), exemption);
        }
      }
    }
    this.inForce.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }

  /** The exemption that lifts `ruleId` from `resource`, given how far that rule's exemptions reach. */
  covering(
    resource: KubernetesResource,
    ruleId: string,
    scope: ExemptionScope,
  ): ExemptionInForce | undefined {
    if (scope === 'none') return undefined;
    const own = this.byResource.get(resource)?.get(ruleId);
    if (own || scope !== 'resource-or-namespace' || !resource.namespace) return own;
    return this.byNamespace.get(namespaceKey(resource.cluster, resource.namespace))?.get(ruleId);
  }
}

function namespaceKey(cluster: string, namespace: string): string {
  return `${cluster}/${namespace}`;
}

function record<K>(
  index: Map<K, Map<string, ExemptionInForce>>,
  key: K,
  exemption: ExemptionInForce,
) {
  const exemptions = index.get(key) ?? new Map<string, ExemptionInForce>();
  if (!exemptions.has(exemption.rule)) exemptions.set(exemption.rule, exemption);
  index.set(key, exemptions);
}
