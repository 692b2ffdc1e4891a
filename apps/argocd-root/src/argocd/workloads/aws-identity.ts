import { addAnnotations, findObject, type InstallObject } from '../install/install-object';

/** The EKS Pod Identity webhook's IRSA annotation: the pods of the ServiceAccount assume this role. */
export const irsaAnnotation = 'eks.amazonaws.com/role-arn';

/**
 * The workloads that talk to workload clusters, whose ServiceAccounts get Argo CD's IAM role:
 * the application controller syncs them, the server shows their live state. A cluster
 * registration's `awsAuthConfig` is exchanged for a token with the pod's AWS identity
 * (argocd-k8s-auth assumes the registration's `roleARN`), so without it no workload cluster is
 * reachable.
 */
export const awsIdentityWorkloads = [
  { kind: 'StatefulSet', name: 'argocd-application-controller' },
  { kind: 'Deployment', name: 'argocd-server' },
] as const;

/** Annotates the ServiceAccount each of those workloads runs as with `roleArn`. */
export function applyAwsIdentity(install: InstallObject[], roleArn: string): void {
  for (const { kind, name } of awsIdentityWorkloads) {
    const pod = (findObject(install, kind, name).spec as any)?.template?.spec ?? {};
    const account = findObject(install, 'ServiceAccount', pod.serviceAccountName ?? 'default');
    addAnnotations(account, { [irsaAnnotation]: roleArn });
  }
}
