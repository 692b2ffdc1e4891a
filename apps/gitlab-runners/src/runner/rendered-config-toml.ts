import type { RenderedObject } from '@platform/rendered-tree';
import { parse as parseToml } from 'smol-toml';

/** The two TOML documents of a rendered runner ConfigMap: the global config.toml and the [[runners]] template. */
export function runnerConfigToml(configMap: RenderedObject): {
  global: Record<string, unknown>;
  template: { runners: Record<string, unknown>[] };
} {
  const data = configMap.data as Record<string, string>;
  return {
    global: parseToml(data['config.toml']!) as Record<string, unknown>,
    template: parseToml(data['config.template.toml']!) as { runners: Record<string, unknown>[] },
  };
}
