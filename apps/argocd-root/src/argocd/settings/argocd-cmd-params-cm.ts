/**
 * Command-line parameters of the Argo CD components that this platform sets in
 * argocd-cmd-params-cm, on top of the install's own (`redis.server`, kept as upstream wrote it).
 * Each key is read through a `configMapKeyRef` of the 3.5.1 install; a test proves it.
 */
export interface ArgocdCmdParams {
  /**
   * Server-Side Diff (stable since 3.1): the controller diffs against a server-side dry-run apply,
   * so API-server defaults, mutating webhooks and CRD defaults never show as drift. It is the diff
   * that matches the server-side apply the large-CRD components (and Argo CD itself) sync with.
   */
  'controller.diff.server.side': 'true';
  /** JSON logs, which the node log pipeline (Fluent Bit, Datadog) parses into fields. */
  'controller.log.format': 'json';
  'server.log.format': 'json';
  'reposerver.log.format': 'json';
  'applicationsetcontroller.log.format': 'json';
  'notificationscontroller.log.format': 'json';
}

export function argocdCmdParams(): ArgocdCmdParams {
  return {
    'controller.diff.server.side': 'true',
    'controller.log.format': 'json',
    'server.log.format': 'json',
    'reposerver.log.format': 'json',
    'applicationsetcontroller.log.format': 'json',
    'notificationscontroller.log.format': 'json',
  };
}
