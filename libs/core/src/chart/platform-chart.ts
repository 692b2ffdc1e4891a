import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ComponentContext } from '../component/component-definition';

/** The fields every manifest needs; typed models from kubernetes-models satisfy it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

/**
 * One cdk8s Chart per catalog component. Names are never hashed (a refactor must not rename a
 * live resource), and every object carries labels that say which app and component own it.
 */
export class PlatformChart extends Chart {
  readonly context: ComponentContext;

  constructor(scope: Construct, context: ComponentContext) {
    super(scope, context.component.name, {
      disableResourceNameHashes: true,
      labels: standardLabels(context),
    });
    this.context = context;
  }

  /** The component's namespace, for every namespaced resource it renders. */
  get componentNamespace(): string {
    return this.context.component.namespace;
  }

  /**
   * Adds a manifest typed by its model interface (e.g. `INamespace` from kubernetes-models), so the
   * compiler checks field names. The construct id is derived from the identity, never from code
   * structure, which keeps ids stable across refactors.
   */
  add<T extends Manifest>(manifest: T): ApiObject {
    const name = manifest.metadata?.name;
    if (!name) throw new Error(`a ${manifest.kind} has no metadata.name`);
    const id = [manifest.kind, manifest.metadata?.namespace ?? '', name].join('-');
    if (this.node.tryFindChild(id)) {
      throw new Error(
        `two objects are ${manifest.kind}/${manifest.metadata?.namespace ?? ''}/${name} (the chart's output and the component's resources, or the same object added twice)`,
      );
    }
    return new ApiObject(this, id, manifest as never);
  }
}

export function standardLabels(context: ComponentContext): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'argocd',
    'app.kubernetes.io/part-of': context.component.app,
    'app.kubernetes.io/component': context.component.name,
  };
}
