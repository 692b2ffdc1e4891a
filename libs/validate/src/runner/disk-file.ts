/** A file to validate that is still on disk: read when (and where) it is validated. */
export interface DiskFile {
  /** Path shown in findings, e.g. `rendered/ci/karpenter/controller/values.yaml`. */
  path: string;
  /** Where to read it. */
  absolute: string;
}
