import { describe, expect, it } from 'vitest';
import {
  capacityBufferState,
  customResourceMetric,
  nodeOverlayState,
} from './custom-resource-state';

describe('custom resource state sources', () => {
  it('name a configured gauge kubernetes_state_customresource.<metric>, and refuse one not configured', () => {
    expect(customResourceMetric(capacityBufferState, 'capacitybuffer_condition')).toBe(
      'kubernetes_state_customresource.capacitybuffer_condition',
    );
    expect(() => customResourceMetric(nodeOverlayState, 'capacitybuffer_condition')).toThrow(
      'custom resource source nodeoverlays does not collect capacitybuffer_condition',
    );
  });

  it('read conditions as gauges of their status, labelled by type and reason', () => {
    for (const source of [capacityBufferState, nodeOverlayState]) {
      const conditions = source.config.metrics.find((m) => m.name.endsWith('_condition'))!;
      expect(conditions.each.gauge).toEqual({
        path: ['status', 'conditions'],
        labelsFromPath: { condition: ['type'], reason: ['reason'] },
        valueFrom: ['status'],
      });
    }
  });
});
