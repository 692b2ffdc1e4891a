/**
 * Every Kubernetes kind `gitops validate` has an embedded schema for: the model interface it is
 * generated from (a module and an exported interface of kubernetes-models or a
 * @kubernetes-models/* package). Add a line here, rerun the generator, commit the result.
 */
export interface ResourceModel {
  module: string;
  type: string;
}

const core = (path: string, type: string): ResourceModel => ({
  module: `kubernetes-models/${path}`,
  type,
});
const argo = (type: string): ResourceModel => ({
  module: `@kubernetes-models/argo-cd/argoproj.io/v1alpha1/${type.slice(1)}`,
  type,
});
const externalSecrets = (type: string): ResourceModel => ({
  module: `@kubernetes-models/external-secrets/external-secrets.io/v1/${type.slice(1)}`,
  type,
});
const karpenter = (group: string, type: string): ResourceModel => ({
  module: `@kubernetes-models/karpenter/${group}/v1/${type.slice(1)}`,
  type,
});

export const resourceModels: ResourceModel[] = [
  core('v1/Namespace', 'INamespace'),
  core('v1/ServiceAccount', 'IServiceAccount'),
  core('v1/ConfigMap', 'IConfigMap'),
  core('v1/Secret', 'ISecret'),
  core('v1/Service', 'IService'),
  core('v1/Pod', 'IPod'),
  core('v1/ResourceQuota', 'IResourceQuota'),
  core('v1/LimitRange', 'ILimitRange'),
  core('apps/v1/Deployment', 'IDeployment'),
  core('apps/v1/DaemonSet', 'IDaemonSet'),
  core('apps/v1/StatefulSet', 'IStatefulSet'),
  core('batch/v1/Job', 'IJob'),
  core('batch/v1/CronJob', 'ICronJob'),
  core('rbac.authorization.k8s.io/v1/Role', 'IRole'),
  core('rbac.authorization.k8s.io/v1/RoleBinding', 'IRoleBinding'),
  core('rbac.authorization.k8s.io/v1/ClusterRole', 'IClusterRole'),
  core('rbac.authorization.k8s.io/v1/ClusterRoleBinding', 'IClusterRoleBinding'),
  core('networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'),
  core('scheduling.k8s.io/v1/PriorityClass', 'IPriorityClass'),
  core('policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'),
  core('autoscaling/v2/HorizontalPodAutoscaler', 'IHorizontalPodAutoscaler'),
  core('apiextensions.k8s.io/v1/CustomResourceDefinition', 'ICustomResourceDefinition'),
  core('admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy', 'IValidatingAdmissionPolicy'),
  core(
    'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
    'IValidatingAdmissionPolicyBinding',
  ),
  core(
    'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
    'IValidatingWebhookConfiguration',
  ),
  argo('IApplication'),
  argo('IAppProject'),
  argo('IApplicationSet'),
  karpenter('karpenter.sh', 'INodePool'),
  karpenter('karpenter.sh', 'INodeClaim'),
  karpenter('karpenter.k8s.aws', 'IEC2NodeClass'),
  externalSecrets('IExternalSecret'),
  externalSecrets('IClusterSecretStore'),
];
