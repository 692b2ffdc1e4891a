/**
 * Kubernetes Pod Security Admission as this repo writes and checks it
 * (kubernetes.io/docs/concepts/security/pod-security-standards): the namespace labels that set a
 * level, and the policy rule a namespace below a level must be exempt from, with a reason.
 */
export const podSecurityLevels = ['privileged', 'baseline', 'restricted'] as const;
export type PodSecurityLevel = (typeof podSecurityLevels)[number];

export const podSecurityModes = ['enforce', 'audit', 'warn'] as const;

/** `pod-security.kubernetes.io/<mode>`; the version label is `<that>-version`. */
export const podSecurityLabel = (mode: string) => `pod-security.kubernetes.io/${mode}`;

/** The policy rule that checks each level (its id, as exemptions name it). */
export const podSecurityRuleOfLevel = {
  baseline: 'pss-baseline',
  restricted: 'pss-restricted',
} as const;
