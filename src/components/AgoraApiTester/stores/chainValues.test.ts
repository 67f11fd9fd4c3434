import { describe, expect, it, vi } from 'vitest';
import type { OperationModel } from '../../../catalog/types';
import { createChannel, getChannel } from '../testing/fixtures';
import { chainValue, createChainValuesStore } from './chainValues';

// get-channel takes its channel name from create-channel's answer.
const consumer: OperationModel = {
  ...getChannel,
  params: [{ ...getChannel.pathParams[1], valueFrom: { operationId: 'create-channel', field: 'data.name' } }],
};
const all = [createChannel, consumer];
const from = { operationId: 'create-channel', field: 'data.name' };

describe('chain values store', () => {
  it('remembers the fields other operations take from an answer, per environment', () => {
    const store = createChainValuesStore();
    store.record('sandbox', createChannel, { data: { name: 'ch1', other: 'x' } }, all);
    expect(store.get()).toEqual({ 'sandbox:create-channel:data.name': 'ch1' });
    expect(chainValue(store.get(), 'sandbox', from)).toBe('ch1');
    expect(chainValue(store.get(), 'live', from)).toBeUndefined();
    store.record('sandbox', createChannel, { data: { name: 42 } }, all);
    expect(chainValue(store.get(), 'sandbox', from)).toBe('42');
  });

  it('does not wake the page for an answer without chained values', () => {
    const store = createChainValuesStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.record('sandbox', createChannel, { data: {} }, all);
    store.record('sandbox', consumer, { data: { name: 'x' } }, all);
    expect(listener).not.toHaveBeenCalled();
  });
});
