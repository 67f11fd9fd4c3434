/**
 * Values that later calls need (resourceId, sid, player id), remembered from
 * every successful answer on the page, per environment: after "Start
 * recording" succeeds, the "Stop recording" tester already holds its
 * resourceid and sid. Ids only, never credentials; memory only.
 */
import type { OperationModel, ParamModel } from '../../../catalog/types';
import type { RelayEnvironment } from '../../../relay/contract';
import { getAt } from '../formModel';
import { useCallback } from 'react';
import { createStore, sameItems, useStore, useStoreSelector } from './createStore';

/** `environment:operationId:field` -> value. */
export type ChainValues = Readonly<Record<string, string>>;

function key(environment: RelayEnvironment, operationId: string, field: string): string {
  return `${environment}:${operationId}:${field}`;
}

/** The latest value for a chained parameter, if any answer on the page provided one. */
export function chainValue(values: ChainValues, environment: RelayEnvironment, from: { operationId: string; field: string }): string | undefined {
  return values[key(environment, from.operationId, from.field)];
}

/** A chain-values store; the page has one (`pageChainValues`), tests make their own. */
export function createChainValuesStore() {
  const store = createStore<ChainValues>({});
  return {
    ...store,
    /** Remember what `op`'s answer holds for the fields other operations take their values from. */
    record(environment: RelayEnvironment, op: OperationModel, body: unknown, all: readonly OperationModel[]): void {
      const found: Record<string, string> = {};
      for (const other of all) {
        for (const param of other.params) {
          if (param.valueFrom?.operationId !== op.id) continue;
          const value = getAt(body, param.valueFrom.field.split('.'));
          if (typeof value === 'string' || typeof value === 'number') found[key(environment, op.id, param.valueFrom.field)] = String(value);
        }
      }
      // No change, no re-render of every tester on the page.
      if (Object.keys(found).length > 0) store.set((values) => ({ ...values, ...found }));
    },
  };
}

export type ChainValuesStore = ReturnType<typeof createChainValuesStore>;

/** The page's chained ids, shared by its testers (no storage, so safe to create during the build). */
export const pageChainValues: ChainValuesStore = createChainValuesStore();

/** The page's chained ids, re-rendering when an answer adds one. */
export function useChainValues(): ChainValues {
  return useStore(pageChainValues);
}

/**
 * The latest value for each of `params` (chained parameters: `valueFrom` set) in
 * `environment`, in order; re-renders only when one of them changes, not on
 * every answer elsewhere on the page. `params` should keep its identity between renders.
 */
export function useChainedValues(params: readonly ParamModel[], environment: RelayEnvironment): readonly (string | undefined)[] {
  const select = useCallback((values: ChainValues) => params.map((param) => chainValue(values, environment, param.valueFrom!)), [params, environment]);
  return useStoreSelector(pageChainValues, select, sameItems);
}
