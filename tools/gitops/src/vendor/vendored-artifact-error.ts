/** What a failed vendor check was about; every field is already in the message, kept for callers. */
export interface VendoredArtifactErrorDetails {
  /** `chart pin karpenter@1.14.1` or `manifest argo-cd-ha-install@3.5.1`. */
  subject: string;
  /** Repository-relative file that declares the pin, when the caller knows it. */
  declaredIn?: string;
  /** Repository-relative path of the vendored file or the lock, when the problem is about one. */
  file?: string;
}

/** A vendored artifact is missing, unlocked, or not the bytes its lock entry names. */
export class VendoredArtifactError extends Error {
  constructor(
    message: string,
    readonly details: VendoredArtifactErrorDetails,
  ) {
    super(message);
    this.name = 'VendoredArtifactError';
  }
}
