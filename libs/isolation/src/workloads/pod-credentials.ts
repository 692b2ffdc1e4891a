import type { RenderedObject } from '../rendered/rendered-objects';

/** A Secret a pod makes its node fetch, and which of its keys the pod reads (`'all'` for every key). */
export interface SecretUse {
  name: string;
  keys: ReadonlySet<string> | 'all';
  /** How the pod reads it, for messages: `env DD_API_KEY`, `volume token`. */
  via: string[];
}

/** What a pod brings onto its node: an API token (of which ServiceAccount) and Secrets. */
export interface PodCredentials {
  /** The ServiceAccount whose token is mounted, or undefined when no token is. */
  tokenOf?: string;
  secrets: SecretUse[];
}

type Spec = Record<string, any>;

/**
 * The kubelet fetches every Secret a pod on its node references (the node authorizer allows it
 * exactly those), and mounts the ServiceAccount token unless automounting is off: whoever is
 * root on the node holds all of it.
 */
export function podCredentials(
  spec: Spec,
  namespace: string,
  serviceAccounts: readonly RenderedObject[],
): PodCredentials {
  const account = (spec.serviceAccountName ?? spec.serviceAccount ?? 'default') as string;
  const declared = serviceAccounts.find(
    (sa) => sa.kind === 'ServiceAccount' && sa.name === account && sa.namespace === namespace,
  );
  const automount =
    spec.automountServiceAccountToken ?? declared?.value.automountServiceAccountToken ?? true;
  const projected = ((spec.volumes ?? []) as Spec[]).some((volume) =>
    ((volume.projected?.sources ?? []) as Spec[]).some((source) => source.serviceAccountToken),
  );
  const uses = new Map<string, { keys: Set<string> | 'all'; via: string[] }>();
  const use = (name: string | undefined, keys: string[] | 'all', via: string) => {
    if (!name) return;
    const entry = uses.get(name) ?? { keys: new Set<string>(), via: [] };
    if (keys === 'all' || entry.keys === 'all') entry.keys = 'all';
    else for (const key of keys) entry.keys.add(key);
    entry.via.push(via);
    uses.set(name, entry);
  };
  for (const container of containersOf(spec)) {
    for (const env of (container.env ?? []) as Spec[]) {
      const ref = env.valueFrom?.secretKeyRef;
      if (ref) use(ref.name, [ref.key], `env ${env.name}`);
    }
    for (const from of (container.envFrom ?? []) as Spec[])
      if (from.secretRef) use(from.secretRef.name, 'all', 'envFrom');
  }
  for (const volume of (spec.volumes ?? []) as Spec[]) {
    if (volume.secret)
      use(volume.secret.secretName, itemKeys(volume.secret), `volume ${volume.name}`);
    for (const source of (volume.projected?.sources ?? []) as Spec[])
      if (source.secret) use(source.secret.name, itemKeys(source.secret), `volume ${volume.name}`);
  }
  for (const pull of (spec.imagePullSecrets ?? []) as Spec[])
    use(pull.name, 'all', 'imagePullSecrets');
  return {
    ...(automount !== false || projected ? { tokenOf: `${namespace}/${account}` } : {}),
    secrets: [...uses.entries()].map(([name, entry]) => ({ name, ...entry })),
  };
}

function containersOf(spec: Spec): Spec[] {
  return [
    ...((spec.initContainers ?? []) as Spec[]),
    ...((spec.containers ?? []) as Spec[]),
    ...((spec.ephemeralContainers ?? []) as Spec[]),
  ];
}

function itemKeys(source: Spec): string[] | 'all' {
  const items = source.items as { key: string }[] | undefined;
  return items && items.length > 0 ? items.map((item) => item.key) : 'all';
}
