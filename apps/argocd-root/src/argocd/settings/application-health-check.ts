/**
 * Health of an `argoproj.io/Application` as seen by its parent (the root app-of-apps), and by the
 * sync engine that waits for each wave of the parent to be healthy.
 *
 * Argo CD 1.8 removed the built-in health assessment of Applications, so without this check the
 * root treats a child as healthy as soon as it exists and sync waves between child Applications do
 * not wait for the previous wave. This restores it, with three rules:
 *
 * - The root's own Application is Healthy. The root is a resource of its own directory: during
 *   its own sync its operation is Running and it is OutOfSync, and the sync engine waits for every
 *   resource of a wave, itself included (gitops-engine pkg/sync/sync_context.go, Sync), so any
 *   other answer deadlocks the root at its own wave and its operation never ends. Argo CD's own
 *   health summary leaves an app's object out for the same reason (controller/health.go,
 *   isSelfReferencedApp); the sync engine does not.
 * - A child whose last operation Failed or Errored, its retries used up, is Degraded: the parent's
 *   wave fails (and retries) instead of waiting forever. Between retries the phase is Running.
 * - A child still OutOfSync or in the middle of an operation is Progressing even if its last
 *   health was Healthy, so a wave does not advance on a stale status.
 */
export const applicationHealthCheckKey = 'resource.customizations.health.argoproj.io_Application';

/** The Application that syncs its own directory, which the check must not wait for. */
export interface SelfManagedApplication {
  name: string;
  namespace: string;
}

/** The Lua script (Argo CD runs it without the string library: only base, table and os). */
export function applicationHealthCheckLua(root: SelfManagedApplication): string {
  return `hs = {}
if obj.metadata.name == ${JSON.stringify(root.name)} and obj.metadata.namespace == ${JSON.stringify(root.namespace)} then
  hs.status = "Healthy"
  hs.message = "the root's own Application: its waves wait for its children instead"
  return hs
end
hs.status = "Progressing"
hs.message = "waiting for the Application to report health"
if obj.status == nil or obj.status.health == nil then
  return hs
end
if obj.status.operationState ~= nil then
  local phase = obj.status.operationState.phase
  if phase == "Failed" or phase == "Error" then
    hs.status = "Degraded"
    hs.message = "sync " .. phase .. ": " .. (obj.status.operationState.message or "")
    return hs
  end
  if phase == "Running" then
    hs.message = "sync operation running"
    return hs
  end
end
if obj.status.sync ~= nil and obj.status.sync.status == "OutOfSync" then
  hs.message = "out of sync, waiting for automated sync"
  return hs
end
hs.status = obj.status.health.status
if obj.status.health.message ~= nil then
  hs.message = obj.status.health.message
end
return hs
`;
}
