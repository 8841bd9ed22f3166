import {
  formFields,
  processVariables,
  validateSubmission,
  type FormSchema,
} from '../../src/tasks/form-schema';

const schema: FormSchema = {
  components: [
    { type: 'text', key: 'intro' },
    { type: 'textfield', key: 'lastName', label: 'Nazwisko', validate: { required: true, maxLength: 5 } },
    {
      type: 'group',
      components: [
        {
          type: 'number',
          key: 'householdSize',
          label: 'Liczba osób',
          validate: { min: 1 },
          properties: { processVariable: 'true' },
        },
      ],
    },
    {
      type: 'radio',
      key: 'urgent',
      values: [{ value: 'yes' }, { value: 'no' }],
      properties: { processVariable: 'true' },
    },
    { type: 'textfield', key: 'pesel', validate: { pattern: '[0-9]{11}' } },
  ],
};

describe('Camunda Form submissions checked on the server', () => {
  it('finds value fields in nested groups and skips display-only components', () => {
    expect(formFields(schema).map((f) => f.key)).toEqual(['lastName', 'householdSize', 'urgent', 'pesel']);
  });

  it('keeps only declared fields, typed', () => {
    const data = validateSubmission(schema, {
      lastName: 'Nowak',
      householdSize: '3',
      urgent: 'no',
      extra: 'x',
    });
    expect(data).toEqual({ lastName: 'Nowak', householdSize: 3, urgent: 'no' });
  });

  it.each([
    [{ householdSize: 2 }, 'lastName', /wymagane/],
    [{ lastName: 'Kowalski' }, 'lastName', /5 znaków/],
    [{ lastName: 'Nowak', householdSize: 0 }, 'householdSize', /najmniej 1/],
    [{ lastName: 'Nowak', urgent: 'maybe' }, 'urgent', /niedozwolona/],
    [{ lastName: 'Nowak', pesel: '123' }, 'pesel', /format/],
  ])('rejects %j naming %s', (input, field, message) => {
    expect(() => validateSubmission(schema, input)).toThrow(message);
    try {
      validateSubmission(schema, input);
    } catch (error) {
      expect((error as { field: string }).field).toBe(field);
    }
  });

  it('sends to the engine only the fields marked as process variables', () => {
    expect(processVariables(schema, { lastName: 'Nowak', householdSize: 3, urgent: 'no' })).toEqual({
      householdSize: 3,
      urgent: 'no',
    });
  });
});
