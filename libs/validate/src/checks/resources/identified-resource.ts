import type { ResourceEntry } from './resource-entry';
import type { TypeMeta } from './type-meta';

/** A resource whose apiVersion and kind could be read, ready for the schema check. */
export interface IdentifiedResource {
  entry: ResourceEntry;
  typeMeta: TypeMeta;
}
