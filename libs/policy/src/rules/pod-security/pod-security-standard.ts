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

/** Profile types that keep seccomp or AppArmor confinement on. */
export const confinedProfileTypes: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Volume types restricted allows at every version: core types and those defined through
 * PersistentVolumes. `image` joins them from API server 1.33 (see standard-changes.ts).
 */
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
