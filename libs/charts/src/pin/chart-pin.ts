/**
 * An exact Helm chart pin, tied to the typed values interface written against it. The package
 * itself is vendored under vendor/charts/ and checked against vendor/vendor.lock.json
 * before anything renders; a pin without its package fails with the pin's name.
 */
export interface ChartPin<Values = unknown> {
  /** Chart name, as in its Chart.yaml. */
  chart: string;
  /** An exact version (no ranges). */
  version: string;
  /** Where `gitops charts pull` fetches it: a Helm repository URL or `oci://registry/path`. */
  repository: string;
  /** Phantom: never set; lets `defineComponent` type-check values against the pin's interface. */
  readonly __values?: Values;
}

/** Declares a pin whose values are typed by `Values`. */
export function chartPin<Values>(pin: Omit<ChartPin<Values>, '__values'>): ChartPin<Values> {
  return pin;
}
