import { KeyValueRows } from '../../components/key-value-rows';
import type { EnvRow } from './service-form';
import type { ServiceFormErrors } from './validate-service-form';

export interface EnvVariableRowsProps {
  rows: EnvRow[];
  errors: ServiceFormErrors;
  onChange(rows: EnvRow[]): void;
}

/** The service's own environment variables as name/value rows; versioned with the pipeline, so no secrets. */
export function EnvVariableRows({ rows, errors, onChange }: EnvVariableRowsProps) {
  return (
    <KeyValueRows
      legend="Environment variables"
      hint="Written into the pipeline file: keep secrets in project or pipeline variables and inherit them."
      rows={rows}
      errorOf={(index) => errors[`env.${index}`]}
      onChange={onChange}
    />
  );
}
