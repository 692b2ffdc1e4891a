/** A file to validate, as read from disk or produced by a render. */
export interface SourceFile {
  /** Path shown in findings, e.g. `rendered/ci/karpenter/controller/values.yaml`. */
  path: string;
  content: string;
  /**
   * What identifies the content without reading it, when the file is on disk (its size and
   * modification time): caches of what a file holds use it instead of the content's digest, and
   * `content` may then be read only when a cache misses.
   */
  stamp?: string;
}
