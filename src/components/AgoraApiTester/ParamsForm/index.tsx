import React, { memo } from 'react';
import type { OperationModel, ParamLocation, ParamModel, ServerModel } from '../../../catalog/types';
import { secretOf } from '../../../catalog/schemaWalk';
import type { CustomLocation, CustomParam } from '../../../request/customParams';
import Field, { fieldStyles } from '../Field';
import MaskedInput from '../MaskedInput';
import CustomParams from './CustomParams';
import { locationKey, paramKey, type FormState } from '../formModel';
import styles from './styles.module.css';

interface Props {
  op: OperationModel;
  form: FormState;
  errors: Record<string, string[]>;
  onServer: (host: string) => void;
  onParam: (location: ParamLocation, name: string, value: string) => void;
  onCustomAdd: (location: CustomLocation) => void;
  onCustomChange: (index: number, change: Partial<CustomParam>) => void;
  onCustomRemove: (index: number) => void;
}

function typeHint(param: ParamModel): string {
  const type = Array.isArray(param.schema.type) ? param.schema.type.join(' | ') : param.schema.type;
  return [param.in, type].filter(Boolean).join(' · ');
}

function ParamInput({ param, value, onChange, control }: { param: ParamModel; value: string; onChange: (value: string) => void; control: object }) {
  const options = param.schema.enum ?? (param.schema.type === 'boolean' ? [true, false] : undefined);
  if (options) {
    return (
      <select {...control} className={fieldStyles.control} value={value} onChange={(event) => onChange(event.target.value)}>
        {(!param.required || !options.some((option) => String(option) === value)) && <option value="">(none)</option>}
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  }
  // A parameter the catalog marks x-secret (a token in the query) is masked like a credential.
  if (secretOf(param.schema, param.name)) {
    return <MaskedInput control={control} className={fieldStyles.control} secret label={param.name} value={value} onChange={onChange} />;
  }
  const numeric = param.schema.type === 'integer' || param.schema.type === 'number';
  return (
    <input
      {...control}
      className={fieldStyles.control}
      type="text"
      inputMode={numeric ? 'numeric' : undefined}
      spellCheck={false}
      autoComplete="off"
      value={value}
      placeholder={param.schema.default !== undefined ? String(param.schema.default) : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** The operation's hosts grouped as the select lists them: the primary domains, then each family's regional ones. */
function serverGroups(servers: readonly ServerModel[]): Array<{ label: string; servers: ServerModel[] }> {
  const groups = [
    { label: 'Primary', servers: servers.filter((server) => server.role === 'primary') },
    { label: 'Regional (agora.io)', servers: servers.filter((server) => server.role !== 'primary' && server.family === 'agora.io') },
    { label: 'Regional (sd-rtn.com)', servers: servers.filter((server) => server.role !== 'primary' && server.family === 'sd-rtn.com') },
  ];
  return groups.filter((group) => group.servers.length > 0);
}

/** The chosen host's region and where the relay fails over to. */
function serverNote(servers: readonly ServerModel[], host: string): string {
  const server = servers.find((candidate) => candidate.host === host);
  const fallbacks = [server?.alternate, server?.adjacent].filter(Boolean).join(' and ');
  const failover = fallbacks ? `The relay fails over to ${fallbacks} when needed.` : 'The relay fails over to the alternate and adjacent domains when needed.';
  return server ? `${server.label}. ${failover}` : failover;
}

/** The server (region) choice, every path, query and header parameter of the operation, and the reader's own. */
function ParamsForm({ op, form, errors, onServer, onParam, onCustomAdd, onCustomChange, onCustomRemove }: Props) {
  const params = [...op.pathParams, ...op.queryParams, ...op.headerParams];
  return (
    <div className={styles.params}>
      <Field label="Server" description={serverNote(op.servers, form.server)}>
        {(control) => (
          // Options show the bare host, which fits a narrow column (a host plus its region was cut off); the region is in the note below.
          <select {...control} className={fieldStyles.control} value={form.server} onChange={(event) => onServer(event.target.value)}>
            {serverGroups(op.servers).map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.servers.map((server) => (
                  <option key={server.host} value={server.host}>
                    {server.host}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {params.length > 0 && (
        <fieldset className={styles.group}>
          <legend>Parameters</legend>
          <div className={styles.grid}>
            {params.map((param) => (
              <Field
                key={paramKey(param)}
                label={param.name}
                required={param.required}
                hint={typeHint(param)}
                description={
                  param.valueFrom
                    ? `${param.description} Comes from ${param.valueFrom.operationId} (${param.valueFrom.field}); in the Sandbox, Send fetches it for you when empty.`
                    : param.description
                }
                errors={errors[paramKey(param)]}
              >
                {(control) => (
                  <ParamInput
                    param={param}
                    control={control}
                    value={form[locationKey[param.in]][param.name] ?? ''}
                    onChange={(value) => onParam(param.in, param.name, value)}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      <CustomParams rows={form.custom} errors={errors} onAdd={onCustomAdd} onChange={onCustomChange} onRemove={onCustomRemove} />
    </div>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(ParamsForm);
