import { AppError } from '../errors/app-error';

/**
 * Server-side validation of a submission against its Camunda Form (form-js schema): the browser validates too,
 * but nothing reaches the case file or the engine unless these rules hold. Errors name the field.
 */
export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  components?: FormComponent[];
  values?: { value: unknown }[];
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    validationType?: string;
  };
  properties?: Record<string, string>;
}

export interface FormSchema {
  id?: string;
  components?: FormComponent[];
}

const VALUE_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'datetime',
  'taglist',
]);

/** Every component that holds a value, nested groups included. */
export function formFields(schema: FormSchema): FormComponent[] {
  const out: FormComponent[] = [];
  const walk = (components: FormComponent[] = []) => {
    for (const component of components) {
      if (component.key && VALUE_TYPES.has(component.type)) out.push(component);
      walk(component.components);
    }
  };
  walk(schema.components);
  return out;
}

/** Returns only the declared fields, typed; throws a 400 naming the first wrong field. */
export function validateSubmission(
  schema: FormSchema,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of formFields(schema)) {
    const key = field.key!;
    const label = field.label ?? key;
    const value = input[key];
    const rules = field.validate ?? {};
    const empty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    const fail = (message: string) => {
      throw new AppError({ code: 'validation', field: key, message: `Pole „${label}”: ${message}` });
    };
    if (empty) {
      if (rules.required) fail('jest wymagane');
      continue;
    }
    if (field.type === 'number') {
      const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
      if (!Number.isFinite(number)) fail('to nie jest liczba');
      if (rules.min !== undefined && number < rules.min) fail(`najmniej ${rules.min}`);
      if (rules.max !== undefined && number > rules.max) fail(`najwięcej ${rules.max}`);
      data[key] = number;
      continue;
    }
    if (field.type === 'checkbox') {
      data[key] = value === true || value === 'true' || value === 'on';
      continue;
    }
    if (field.type === 'checklist' || field.type === 'taglist') {
      const list = Array.isArray(value) ? value.map(String) : [String(value)];
      checkAllowed(field, list, fail);
      data[key] = list;
      continue;
    }
    const text = String(value);
    if (rules.minLength !== undefined && text.length < rules.minLength)
      fail(`co najmniej ${rules.minLength} znaków`);
    if (rules.maxLength !== undefined && text.length > rules.maxLength)
      fail(`najwyżej ${rules.maxLength} znaków`);
    if (rules.pattern && !new RegExp(`^(?:${rules.pattern})$`).test(text)) fail('ma niewłaściwy format');
    if (rules.validationType === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text))
      fail('to nie jest adres e-mail');
    if (field.type === 'radio' || field.type === 'select') checkAllowed(field, [text], fail);
    data[key] = text;
  }
  return data;
}

/** Fields marked in the form as process variables (custom property `processVariable: true`) go to the engine. */
export function processVariables(schema: FormSchema, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    formFields(schema)
      .filter((field) => field.properties?.processVariable === 'true' && field.key! in data)
      .map((field) => [field.key!, data[field.key!]]),
  );
}

function checkAllowed(field: FormComponent, values: string[], fail: (message: string) => never): void {
  if (!field.values) return;
  const allowed = new Set(field.values.map((v) => String(v.value)));
  for (const value of values) if (!allowed.has(value)) fail(`niedozwolona wartość „${value}”`);
}
