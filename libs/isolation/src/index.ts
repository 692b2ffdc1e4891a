export { checkIsolation } from './isolation-checks';
export { checkNodeReachability, reachabilityRules } from './reachability/check-node-reachability';
export {
  clusterReach,
  type LandingWorkload,
  type PoolReach,
} from './reachability/node-reachability';
export {
  checkSecretStoreScope,
  secretStoreScopeRule,
} from './secret-store/check-secret-store-scope';
export {
  renderedObjects,
  byCluster,
  type RenderedFile,
  type RenderedObject,
} from './rendered/rendered-objects';
export { checkJobEgress, jobEgressRule } from './egress/check-job-egress';
export {
  admissionRules,
  checkAdmissionEnforcement,
  checkRenderedPodsAdmitted,
} from './admission/check-admission';
export { argocdAccessRules, checkArgocdAccess } from './argocd/check-argocd-access';
export { checkRunnerPullPolicy, runnerPullPolicyRule } from './runners/check-runner-pull-policy';
export {
  formatReachSummary,
  reachSummaries,
  type PoolReachSummary,
} from './reachability/reach-summary';
