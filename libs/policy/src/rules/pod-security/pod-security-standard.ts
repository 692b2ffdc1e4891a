/**
 * Facts of the Kubernetes Pod Security Standards (kubernetes.io/docs/concepts/security/
 * pod-security-standards), as the rules and the namespace labels use them.
 */
export {
  podSecurityLabel,
  podSecurityLevels,
  podSecurityModes,
  podSecurityRuleOfLevel as ruleOfLevel,
  type PodSecurityLevel,
} from '@platform/manifests';

/** Capabilities containers may add under baseline (the container runtime's default set). */
export const baselineCapabilities: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** The only capability restricted lets a container add. */
export const restrictedAddableCapability = 'NET_BIND_SERVICE';

/** Namespaced sysctls isolated from other pods on the node (baseline's allowed set, through v1.29+). */
export const safeSysctls: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** SELinux types baseline allows (an empty type means the runtime's default). */
export const allowedSeLinuxTypes: ReadonlySet<string> = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

/** Profile types that keep seccomp or AppArmor confinement on. */
export const confinedProfileTypes: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** Volume types restricted allows: core types and those defined through PersistentVolumes. */
export const restrictedVolumeTypes: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
