/** A file to validate, as read from disk or produced by a render. */
export interface SourceFile {
  /** Path shown in findings, e.g. `rendered/ci/karpenter/controller/values.yaml`. */
  path: string;
  content: string;
}
