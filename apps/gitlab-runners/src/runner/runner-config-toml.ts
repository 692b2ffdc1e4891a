/**
 * The part of GitLab Runner's config.toml this platform writes (GitLab Runner 18.9, the version
 * chart 0.86.0 deploys), with the exact TOML key names. Typed, then serialised with smol-toml:
 * no string templates. The chart writes the global section itself from its values
 * (`concurrent`, `checkInterval`, …) and merges this `[[runners]]` template at registration.
 *
 * Absent on purpose: `tags`, `run_untagged`, `locked`, `access_level`, `paused` and
 * `maximum_timeout` (properties of a `glrt-` runner in GitLab), `token` (from the Secret), and
 * every `*_overwrite_allowed` that could move a job to another namespace or service account.
 */
export interface ContainerSecurityContextToml {
  privileged: boolean;
  allow_privilege_escalation: boolean;
  run_as_non_root?: boolean;
  capabilities?: { drop: string[] };
}

export interface PodSecurityContextToml {
  run_as_non_root: boolean;
  run_as_user: number;
  run_as_group: number;
  fs_group: number;
}

export interface PodSpecPatchToml {
  name: string;
  patch_type: 'strategic' | 'merge' | 'json';
  /** JSON text of the patch (JSON is YAML, which the runner parses). */
  patch: string;
}

/** `[runners.kubernetes.affinity]` (KubernetesAffinity in GitLab Runner 18.9 common/config.go). */
export interface AffinityToml {
  node_affinity?: {
    required_during_scheduling_ignored_during_execution: {
      node_selector_terms: {
        match_expressions: { key: string; operator: 'In'; values: string[] }[];
      }[];
    };
  };
  /** Pod anti-affinity (runner 14.3+): `PodAffinityTerm` with `label_selector.match_labels`. */
  pod_anti_affinity?: {
    required_during_scheduling_ignored_during_execution: {
      topology_key: string;
      label_selector: { match_labels: Record<string, string> };
    }[];
  };
}

export type PullPolicy = 'always' | 'if-not-present' | 'never';

export interface KubernetesExecutorToml {
  namespace: string;
  image: string;
  /**
   * Used as it is for the helper and init-permissions containers; unset, the executor picks the
   * upstream helper tag of the architecture the job's `kubernetes.io/arch` node selector names
   * (amd64 without one). Set only for a runner whose job pods may land on either architecture.
   */
  helper_image?: string;
  privileged: boolean;
  allow_privilege_escalation: boolean;
  cap_drop?: string[];
  cpu_request: string;
  memory_request: string;
  memory_limit: string;
  helper_cpu_request: string;
  helper_memory_request: string;
  helper_memory_limit: string;
  service_cpu_request: string;
  service_memory_request: string;
  service_memory_limit: string;
  cpu_request_overwrite_max_allowed: string;
  memory_request_overwrite_max_allowed: string;
  memory_limit_overwrite_max_allowed: string;
  helper_cpu_request_overwrite_max_allowed: string;
  helper_memory_request_overwrite_max_allowed: string;
  helper_memory_limit_overwrite_max_allowed: string;
  service_cpu_request_overwrite_max_allowed: string;
  service_memory_request_overwrite_max_allowed: string;
  service_memory_limit_overwrite_max_allowed: string;
  ephemeral_storage_request: string;
  ephemeral_storage_limit: string;
  helper_ephemeral_storage_request: string;
  helper_ephemeral_storage_limit: string;
  service_ephemeral_storage_request: string;
  service_ephemeral_storage_limit: string;
  ephemeral_storage_request_overwrite_max_allowed: string;
  ephemeral_storage_limit_overwrite_max_allowed: string;
  helper_ephemeral_storage_request_overwrite_max_allowed: string;
  helper_ephemeral_storage_limit_overwrite_max_allowed: string;
  service_ephemeral_storage_request_overwrite_max_allowed: string;
  service_ephemeral_storage_limit_overwrite_max_allowed: string;
  poll_interval: number;
  poll_timeout: number;
  service_account: string;
  automount_service_account_token: boolean;
  priority_class_name: string;
  pull_policy: PullPolicy[];
  /**
   * The policies a job may ask for with `image: pull_policy:` (KUBERNETES_ALLOWED_PULL_POLICIES);
   * unset, a job may pick any, `if-not-present` included.
   */
  allowed_pull_policies: PullPolicy[];
  /** Every key a job pod's node must have; no `kubernetes.io/arch` for a multi-arch pool. */
  node_selector: Record<string, string>;
  /** Only for the restricted pools' shared label: lets a job pick arm64 or amd64. */
  node_selector_overwrite_allowed?: string;
  /** `"key=value" = "Effect"`. */
  node_tolerations: Record<string, string>;
  affinity?: AffinityToml;
  pod_annotations: Record<string, string>;
  pod_labels: Record<string, string>;
  pod_security_context?: PodSecurityContextToml;
  build_container_security_context: ContainerSecurityContextToml;
  helper_container_security_context: ContainerSecurityContextToml;
  service_container_security_context: ContainerSecurityContextToml;
  init_permissions_container_security_context: ContainerSecurityContextToml;
  pod_spec?: PodSpecPatchToml[];
}

export interface S3CacheToml {
  Type: 's3';
  Path: string;
  Shared: boolean;
  s3: {
    ServerAddress: string;
    BucketName: string;
    BucketLocation: string;
    /** The manager's IRSA role presigns cache URLs; no keys anywhere. */
    AuthenticationType: 'iam';
    ServerSideEncryption: 'S3';
  };
}

export interface RunnerSectionToml {
  limit: number;
  request_concurrency: number;
  output_limit: number;
  feature_flags: Record<string, boolean>;
  kubernetes: KubernetesExecutorToml;
  cache: S3CacheToml;
}

/** The `--template-config` document: one `[[runners]]` entry. */
export interface RunnerTemplateToml {
  runners: RunnerSectionToml[];
}
