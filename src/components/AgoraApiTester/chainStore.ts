/**
 * Values that later calls need (resourceId, sid, player id), remembered from
 * every successful answer on the page, per environment: after "Start
 * recording" succeeds, the "Stop recording" tester already holds its
 * resourceid and sid. Ids only, never credentials.
 */
import { useSyncExternalStore } from 'react';
import type { OperationModel } from '../../catalog/types';
import type { RelayEnvironment } from '../../relay/core/contract';
import { getAt } from './formModel';

type Values = Record<string, string>;

let values: Values = {};
const listeners = new Set<() => void>();

function key(environment: RelayEnvironment, operationId: string, field: string): string {
  return `${environment}:${operationId}:${field}`;
}

/** Remember what `op`'s answer holds for the fields other operations take their values from. */
export function recordChainValues(environment: RelayEnvironment, op: OperationModel, body: unknown, all: OperationModel[]): void {
  const next = { ...values };
  let changed = false;
  for (const other of all) {
    for (const param of other.params) {
      if (param.valueFrom?.operationId !== op.id) continue;
      const value = getAt(body, param.valueFrom.field.split('.'));
      if (typeof value === 'string' || typeof value === 'number') {
        next[key(environment, op.id, param.valueFrom.field)] = String(value);
        changed = true;
      }
    }
  }
  if (!changed) return;
  values = next;
  listeners.forEach((listener) => listener());
}

/** The latest value for a chained parameter, if any answer on the page provided one. */
export function chainValue(chain: Values, environment: RelayEnvironment, from: { operationId: string; field: string }): string | undefined {
  return chain[key(environment, from.operationId, from.field)];
}

export function useChainValues(): Values {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => values,
    () => values,
  );
}
