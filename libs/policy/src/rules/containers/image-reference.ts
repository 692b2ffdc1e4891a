/** The parts of a container image reference that say which image is pulled. */
export interface ImageReference {
  /** `sha256:…` when pinned by digest. */
  digest: string | undefined;
  /** The tag; undefined when the reference has none (the runtime then pulls `latest`). */
  tag: string | undefined;
}

/**
 * Splits `registry:5000/repo/name:tag@sha256:…`. The tag is the part after the last `:` of the
 * last path segment, so a registry port is never mistaken for a tag.
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon === -1 ? undefined : lastSegment.slice(colon + 1);
  return { digest: digest || undefined, tag: tag || undefined };
}
