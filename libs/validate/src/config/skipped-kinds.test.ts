import { describe, expect, it } from 'vitest';
import { resolvedSkippedKinds } from '../runner/validate-options';
import { findSkippedKind, skippedKinds } from './skipped-kinds';

describe('skipped kinds', () => {
  it('every configured entry says why its kind has no schema', () => {
    expect(skippedKinds.filter((entry) => entry.reason.trim().length < 10)).toEqual([]);
  });

  it('refuses an entry without a reason', () => {
    expect(() => resolvedSkippedKinds({ skippedKinds: [{ kind: 'Widget', reason: ' ' }] })).toThrow(
      /skipped kinds need a reason: Widget/,
    );
  });

  it('matches a kind in every API version, or in the one given', () => {
    const list = [
      { kind: 'Widget', reason: 'test' },
      { apiVersion: 'example.com/v2', kind: 'Gadget', reason: 'test' },
    ];
    expect(findSkippedKind(list, 'example.com/v1', 'Widget')).toBeDefined();
    expect(findSkippedKind(list, 'example.com/v2', 'Gadget')).toBeDefined();
    expect(findSkippedKind(list, 'example.com/v1', 'Gadget')).toBeUndefined();
  });
});
