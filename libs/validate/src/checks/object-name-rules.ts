import {
  dns1035LabelProblems,
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  pathSegmentNameProblems,
} from './kubernetes-name-formats';

/** How the API server validates a kind's metadata.name (pkg/apis/*\/validation in Kubernetes). */
export interface ObjectNameRule {
  problems: (name: string) => string[];
  /** Extra limit on top of the format, with the reason Kubernetes has it. */
  maxLength?: { length: number; reason: string };
}

const dnsSubdomain: ObjectNameRule = { problems: dns1123SubdomainProblems };
const rbacName: ObjectNameRule = { problems: pathSegmentNameProblems };

/** Kinds whose names follow another rule than the default RFC 1123 subdomain. */
const objectNameRules: Record<string, ObjectNameRule> = {
  // ValidateNamespaceName: a namespace name is a DNS label.
  Namespace: { problems: dns1123LabelProblems },
  // ValidateServiceName: Service names become DNS labels and environment variable names.
  Service: { problems: dns1035LabelProblems },
  // ValidateRBACName: RBAC names only have to be valid path segments.
  Role: rbacName,
  RoleBinding: rbacName,
  ClusterRole: rbacName,
  ClusterRoleBinding: rbacName,
  // The Job controller labels pods with the job name (batch.kubernetes.io/job-name), a label value.
  Job: {
    problems: dns1123SubdomainProblems,
    maxLength: { length: 63, reason: 'it becomes the job-name label value of its pods' },
  },
  // ValidateCronJob: the controller appends an 11-character suffix to make Job names.
  CronJob: {
    problems: dns1123SubdomainProblems,
    maxLength: { length: 52, reason: 'the controller appends an 11-character suffix for its Jobs' },
  },
};

export function objectNameRule(kind: string): ObjectNameRule {
  return objectNameRules[kind] ?? dnsSubdomain;
}
