/**
 * A Datadog metric monitor query as data: which metrics, scoped to what, reduced over which window,
 * compared how. Kept structured (never a hand-written string) so tests can ask a monitor which
 * metric and scope it watches, and the threshold in the query is the one in the options.
 */

/** Space aggregation of one metric across the series its scope selects. */
export type SpaceAggregation = 'sum' | 'avg' | 'max' | 'min';

export interface MetricTerm {
  metric: string;
  aggregation: SpaceAggregation;
  /** Tag filters, `key:value` each; a leading `!` on the key negates (`!status: 'true'`). */
  scope: Record<string, string>;
  /** Group by these tags: one alert per group (a multi-alert). */
  by?: readonly string[];
  /** Counters: sum the raw counts over the window instead of averaging rates. */
  asCount?: boolean;
}

export type QueryExpression =
  | MetricTerm
  | { operator: '+' | '-' | '*' | '/'; left: QueryExpression; right: QueryExpression };

export interface MetricQuery {
  /** Time aggregation over the evaluation window. */
  reducer: 'avg' | 'max' | 'min' | 'sum';
  /** Evaluation window, e.g. `5m`, `15m`, `1h`. */
  window: string;
  expression: QueryExpression;
  comparator: '>' | '>=' | '<' | '<=';
}

const windowPattern = /^[1-9][0-9]*[mhd]$/;

/** The query text Datadog evaluates, with the critical threshold at the end. */
export function renderQuery(query: MetricQuery, critical: number): string {
  if (!windowPattern.test(query.window))
    throw new Error(`query window "${query.window}" is not a duration such as 5m, 1h or 1d`);
  return `${query.reducer}(last_${query.window}):${renderExpression(query.expression)} ${query.comparator} ${critical}`;
}

function renderExpression(expression: QueryExpression): string {
  if ('metric' in expression) return renderTerm(expression);
  const side = (part: QueryExpression) =>
    'metric' in part ? renderTerm(part) : `(${renderExpression(part)})`;
  return `${side(expression.left)} ${expression.operator} ${side(expression.right)}`;
}

function renderTerm(term: MetricTerm): string {
  const entries = Object.entries(term.scope);
  if (entries.length === 0)
    throw new Error(`metric ${term.metric} has no scope: every monitor term names what it watches`);
  const scope = entries.map(([key, value]) => `${key}:${value}`).join(',');
  const by = term.by && term.by.length > 0 ? ` by {${term.by.join(',')}}` : '';
  const count = term.asCount ? '.as_count()' : '';
  return `${term.aggregation}:${term.metric}{${scope}}${by}${count}`;
}

/** Every metric term of a query, left to right. */
export function queryTerms(expression: QueryExpression): MetricTerm[] {
  if ('metric' in expression) return [expression];
  return [...queryTerms(expression.left), ...queryTerms(expression.right)];
}
