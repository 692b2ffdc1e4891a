/**
 * Health of an `argoproj.io/Application` as seen by its parent (the root app-of-apps).
 *
 * Argo CD 1.8 removed the built-in health assessment of Applications, so without this check the
 * root treats a child as healthy as soon as it exists and sync waves between child Applications do
 * not wait for the previous wave. This restores it, with one guard: a child still OutOfSync or in
 * the middle of an operation counts as Progressing even if its last health was Healthy, so a wave
 * does not advance on a stale status.
 */
export const applicationHealthCheckKey = 'resource.customizations.health.argoproj.io_Application';

export const applicationHealthCheckLua = `hs = {}
hs.status = "Progressing"
hs.message = "waiting for the Application to report health"
if obj.status == nil or obj.status.health == nil then
  return hs
end
if obj.status.operationState ~= nil and obj.status.operationState.phase == "Running" then
  hs.message = "sync operation running"
  return hs
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
