/**
 * `karpenter.sh/v1alpha1` NodeOverlay, the fields this platform sets, written against the CRD
 * Karpenter chart 1.14.1 installs (`crds/karpenter.sh_nodeoverlays.yaml`; `gitops validate`
 * checks the rendered object against it, CEL rules included): Karpenter (gate `NodeOverlay`)
 * adjusts the price it assumes for the instance types the requirements match, in its scheduling
 * simulation and, with overlay prices present, in the priorities of the launch it requests.
 */
export interface NodeOverlay {
  apiVersion: 'karpenter.sh/v1alpha1';
  kind: 'NodeOverlay';
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    requirements: { key: string; operator: 'In'; values: string[] }[];
    /** `-15%` or `+0.5`: the CRD's signed percentage or amount. */
    priceAdjustment: string;
  };
}
