import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes,
  type TextareaHTMLAttributes } from 'react';
import './components.css';

interface FieldChrome {
  label: ReactNode;
  /** The server's message for this field (from a 400 problem's `errors[]`), shown beside it. */
  error?: string;
  hint?: ReactNode;
}

function useFieldIds(error: string | undefined, hint: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Chrome({ id, label, required, hint, hintId, error, errorId, children }: FieldChrome & {
  id: string; required?: boolean; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> (required)</span> : null}
      </label>
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {children}
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
    </div>
  );
}

export function TextField({ label, error, hint, id: givenId, ...input }: FieldChrome & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  const id = givenId ?? ids.id;
  return (
    <Chrome id={id} label={label} required={input.required} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId}>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} />
    </Chrome>
  );
}

export function TextAreaField({ label, error, hint, ...input }: FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <Chrome id={ids.id} label={label} required={input.required} hint={hint} hintId={ids.hintId} error={error}
      errorId={ids.errorId}>
      <textarea id={ids.id} rows={3} {...input} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} />
    </Chrome>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, error, hint, options, ...select }: FieldChrome & SelectHTMLAttributes<HTMLSelectElement> & {
  options: Option[] }) {
  const ids = useFieldIds(error, hint);
  return (
    <Chrome id={ids.id} label={label} required={select.required} hint={hint} hintId={ids.hintId} error={error}
      errorId={ids.errorId}>
      <select id={ids.id} {...select} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Chrome>
  );
}

/** A group of checkboxes with one legend (scopes of an access request, a pod's creators). */
export function CheckboxGroup({ legend, name, options, values, onChange, error, hint }: {
  legend: ReactNode; name: string; options: Option[]; values: string[]; onChange: (values: string[]) => void;
  error?: string; hint?: ReactNode }) {
  const ids = useFieldIds(error, hint);
  return (
    <fieldset className={error ? 'field field-invalid checkbox-group' : 'field checkbox-group'}
      aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={ids.hintId} className="field-hint">{hint}</p> : null}
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="checkbox" name={name} value={option.value} checked={values.includes(option.value)}
            onChange={(e) => onChange(e.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value))} />
          {option.label}
        </label>
      ))}
      {error ? <p id={ids.errorId} className="field-error">{error}</p> : null}
    </fieldset>
  );
}
