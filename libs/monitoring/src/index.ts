export * from './metric-sources/openmetrics-source';
export * from './metric-sources/platform-metric-sources';
export * from './monitor/datadog-monitor';
export * from './monitor/monitor-query';
export * from './node-agents/agent-tolerations';
export * from './node-agents/toleration-coverage';
export * from './runbook/runbook-check';
export * from './runbook/runbook-location';
