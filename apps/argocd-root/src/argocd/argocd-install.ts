import { asInstallObjects, copyInstall, type InstallObject } from './install/install-object';
import { placeInNamespace } from './install/place-in-namespace';
import { assertSecretsCarryNoData } from './install/secrets-without-data';
import {
  applyProtection,
  protectedObjects,
  type ProtectedObject,
} from './self-management/protected-objects';
import { applySyncWaves } from './self-management/sync-waves';
import { applySettings } from './settings/config-maps';
import { applyAwsIdentity } from './workloads/aws-identity';
import { applyContainerSizes, containerSizes } from './workloads/container-resources';
import { disruptionBudgets } from './workloads/disruption-budgets';
import { applyReplicas, replicaChoices } from './workloads/replicas';
import { applySettingsChecksum } from './workloads/settings-checksum';
import { applyServiceAccountTokens } from './workloads/service-account-tokens';

/** The per-object decisions about the install; the defaults are this platform's. */
export interface InstallChoices {
  /** Argo CD's IAM role (IRSA) for reaching workload clusters; none leaves the install as is. */
  awsRoleArn?: string;
  sizes: typeof containerSizes;
  replicas: typeof replicaChoices;
  protectedObjects: readonly ProtectedObject[];
}

export const platformInstallChoices: InstallChoices = {
  sizes: containerSizes,
  replicas: replicaChoices,
  protectedObjects,
};

/**
 * The vendored Argo CD install (its parsed YAML documents) with this platform's typed changes:
 * namespace, settings (and the digest that restarts pods reading them at start), requests,
 * replicas and disruption budgets, service-account tokens, Argo CD's AWS identity, self-management protection
 * and sync waves. Pure: the input is not modified; the vendored file itself is never edited.
 */
export function customiseArgocdInstall(
  documents: readonly unknown[],
  namespace: string,
  choices: InstallChoices = platformInstallChoices,
): InstallObject[] {
  const install = copyInstall(asInstallObjects(documents));
  assertSecretsCarryNoData(install);
  placeInNamespace(install, namespace);
  applySettings(install, namespace);
  applyContainerSizes(install, choices.sizes);
  applyReplicas(install, choices.replicas);
  applyServiceAccountTokens(install);
  if (choices.awsRoleArn) applyAwsIdentity(install, choices.awsRoleArn);
  applySettingsChecksum(install);
  applyProtection(install, choices.protectedObjects);
  const objects = [...install, ...disruptionBudgets(install)];
  applySyncWaves(objects);
  return objects;
}
