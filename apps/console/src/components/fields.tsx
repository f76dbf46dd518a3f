import { ReactNode, useId } from 'react';
import { Button as AriaButton, ButtonProps, FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export function Button({
  variant = 'primary',
  ...props
}: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <AriaButton {...props} className={`button button-${variant}`} />;
}

interface TextInputProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'time' | 'url' | 'search';
  required?: boolean;
  description?: string;
  autoComplete?: string;
  min?: number;
  max?: number;
}

/** react-aria's TextField: label, description and error wired to the input for assistive technologies. */
export function TextInput({ label, description, min, max, ...props }: TextInputProps) {
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      type={props.type ?? 'text'}
      isRequired={props.required}
      autoComplete={props.autoComplete}
    >
      <Label>{label}</Label>
      <Input min={min} max={max} />
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError />
    </TextField>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string; label: string }>;
  placeholder?: string;
  required?: boolean;
}

/** A native select: the best-known control on a phone, and read correctly by every screen reader. */
export function SelectField({ label, name, value, onChange, options, placeholder, required }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} required={required} onChange={(event) => onChange(event.target.value)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(value: boolean): void;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function FormRow({ children }: { children: ReactNode }) {
  return <div className="form-row">{children}</div>;
}
