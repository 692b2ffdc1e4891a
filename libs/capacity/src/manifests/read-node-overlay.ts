import type { NodeSelectorRequirement } from '../workload/scheduling-terms';
import { ManifestReader, type JsonObject } from './manifest-reader';
import { readRequirement } from './read-node-pool';

/** What the planner needs from a karpenter.sh/v1alpha1 NodeOverlay. */
export interface NodeOverlaySettings {
  name: string;
  file: string;
  requirements: NodeSelectorRequirement[];
  /** `spec.priceAdjustment` or `spec.price`, as written; absent for capacity-only overlays. */
  priceAdjustment?: string;
  price?: string;
}

export function readNodeOverlay(file: string, object: JsonObject): NodeOverlaySettings {
  const r = new ManifestReader(file, object);
  const priceAdjustment = r.stringAt('spec.priceAdjustment');
  const price = r.stringAt('spec.price');
  return {
    name: r.name,
    file,
    requirements: r
      .arrayAt('spec.requirements')
      .map((item, i) => readRequirement(r, `spec.requirements[${i}]`, item)),
    ...(priceAdjustment !== undefined ? { priceAdjustment } : {}),
    ...(price !== undefined ? { price } : {}),
  };
}
