import {
  isKubernetesFormat,
  kubernetesFormatCheckName,
  kubernetesFormatKeywordDefinition,
} from './kubernetes-format-keyword';
import {
  kubernetesPatternCheckName,
  kubernetesPatternKeywordDefinition,
  matchesKubernetesPattern,
} from './kubernetes-pattern-keyword';

/** The keywords CRD-derived schemas use beyond JSON Schema's: formats and patterns as Kubernetes checks them. */
export const customKeywordDefinitions = [
  kubernetesFormatKeywordDefinition,
  kubernetesPatternKeywordDefinition,
];

/** What generated code using them calls, by the names it calls them. */
export const customKeywordBindings: Record<string, unknown> = {
  [kubernetesFormatCheckName]: isKubernetesFormat,
  [kubernetesPatternCheckName]: matchesKubernetesPattern,
};
