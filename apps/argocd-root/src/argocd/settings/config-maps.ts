import { findObject, type InstallObject } from '../install/install-object';
import { rootApplicationName } from '../../app-of-apps/application-naming';
import { argocdCmSettings } from './argocd-cm';
import { argocdCmdParams } from './argocd-cmd-params-cm';
import { argocdRbacSettings } from './argocd-rbac-cm';

/** Sets `data` keys of one of the install's ConfigMaps, keeping the keys upstream put there. */
function setData(install: InstallObject[], name: string, data: object): void {
  const configMap = findObject(install, 'ConfigMap', name);
  const upstream = (configMap.data ?? {}) as Record<string, string>;
  configMap.data = { ...upstream, ...data };
}

/** The typed settings of argocd-cm, argocd-rbac-cm and argocd-cmd-params-cm. */
export function applySettings(install: InstallObject[], namespace: string): void {
  const argocdCm = findObject(install, 'ConfigMap', 'argocd-cm');
  const upstream = (argocdCm.data ?? {}) as Record<string, string>;
  setData(
    install,
    'argocd-cm',
    argocdCmSettings(upstream, { name: rootApplicationName, namespace }),
  );
  setData(install, 'argocd-rbac-cm', argocdRbacSettings());
  setData(install, 'argocd-cmd-params-cm', argocdCmdParams());
}
