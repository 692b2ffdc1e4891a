import type { KubeObject } from '../kube/kube-object';
import type { ConvergeCluster, PodIdentityAssociation } from '../input/converge-input';
import type { ClusterModel } from '../world/cluster-model';

// Names the Argo CD 3.5.1 install gives its own objects (manifests/ha/install.yaml).
export const argocdObjects = {
  controller: { kind: 'StatefulSet', name: 'argocd-application-controller' },
  repoServer: { kind: 'Deployment', name: 'argocd-repo-server' },
  server: { kind: 'Deployment', name: 'argocd-server' },
  settings: 'argocd-cm',
} as const;

/** util/db/cluster.go: the name of the cluster Argo CD runs in. */
export const inClusterName = 'in-cluster';

const irsaAnnotation = 'eks.amazonaws.com/role-arn';

/** Why Argo CD is not running on the management cluster yet, or undefined when it is. */
export function argocdNotRunning(management: ClusterModel, namespace: string): string | undefined {
  for (const { kind, name } of [argocdObjects.controller, argocdObjects.repoServer]) {
    const entry = management.get('apps/v1', kind, namespace, name);
    if (!entry) return `${kind} ${namespace}/${name} does not exist`;
    if (entry.blockedBy) return entry.blockedBy;
  }
  return undefined;
}

/** The live argocd-cm data, which holds the health customizations. */
export function liveArgocdSettings(
  management: ClusterModel,
  namespace: string,
): Record<string, string> | undefined {
  return management.get('v1', 'ConfigMap', namespace, argocdObjects.settings)?.object.data;
}

/** A cluster registration Argo CD reads (a Secret labelled `argocd.argoproj.io/secret-type: cluster`). */
export interface ClusterRegistration {
  name: string;
  server: string;
  config: Record<string, any>;
  secret: KubeObject;
}

/** util/db/cluster.go: the registered clusters, from the live Secrets in Argo CD's namespace. */
export function registeredClusters(
  management: ClusterModel,
  namespace: string,
): ClusterRegistration[] {
  return management
    .objectsOfKind('', 'Secret')
    .map((entry) => entry.object)
    .filter(
      (o) =>
        o.kind === 'Secret' &&
        o.metadata?.namespace === namespace &&
        o.metadata?.labels?.['argocd.argoproj.io/secret-type'] === 'cluster',
    )
    .map((secret) => {
      const data = secret.stringData ?? {};
      let config: Record<string, any> = {};
      try {
        config = JSON.parse(data.config ?? '{}');
      } catch {
        config = {};
      }
      return { name: String(data.name ?? ''), server: String(data.server ?? ''), config, secret };
    });
}

/**
 * The AWS role an Argo CD workload's pods run as: the IRSA annotation on its ServiceAccount, or
 * an EKS Pod Identity association the inventory declares for it.
 */
export function workloadRole(
  management: ClusterModel,
  namespace: string,
  workload: { kind: string; name: string },
  associations: readonly PodIdentityAssociation[],
): { role?: string; serviceAccount: string } {
  const pod =
    management.get('apps/v1', workload.kind, namespace, workload.name)?.object.spec?.template
      ?.spec ?? {};
  const serviceAccount = pod.serviceAccountName ?? 'default';
  const annotation = management.get('v1', 'ServiceAccount', namespace, serviceAccount)?.object
    .metadata?.annotations?.[irsaAnnotation];
  const association = associations.find(
    (a) => a.namespace === namespace && a.serviceAccount === serviceAccount,
  );
  return { role: annotation ?? association?.roleArn, serviceAccount };
}

/**
 * Why Argo CD cannot get credentials for a registered cluster, or undefined: an awsAuthConfig
 * registration needs the application controller to run as a role the registration's roleARN
 * trusts (argocd-k8s-auth assumes it with the pod's web identity).
 */
export function credentialProblem(
  registration: ClusterRegistration,
  cluster: ConvergeCluster,
  controllerRole: { role?: string; serviceAccount: string },
  namespace: string,
): string | undefined {
  const aws = registration.config.awsAuthConfig;
  if (!aws) {
    const tls = registration.config.tlsClientConfig ?? {};
    if (
      registration.config.bearerToken ||
      (tls.certData && tls.keyData) ||
      registration.config.execProviderConfig
    )
      return undefined;
    return `the registration of ${registration.name} holds no credentials (no awsAuthConfig, bearerToken, client certificate or exec provider)`;
  }
  const where = `ServiceAccount ${namespace}/${controllerRole.serviceAccount} of the application controller`;
  if (!controllerRole.role)
    return `${where} has no ${irsaAnnotation} annotation (and no Pod Identity association is declared): Argo CD has no AWS identity to assume ${aws.roleARN ?? 'a role'} for cluster ${registration.name}`;
  if (!aws.roleARN) return undefined;
  const trusted =
    cluster.deployerRole?.arn === aws.roleARN ? cluster.deployerRole!.trustedPrincipals : [];
  if (!trusted.includes(controllerRole.role))
    return `${where} runs as ${controllerRole.role}, which ${aws.roleARN} does not trust (the inventory's deployer role trusts ${trusted.join(', ') || 'nothing'})`;
  return undefined;
}
