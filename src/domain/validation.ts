import { AppError } from '../errors/app-error';

/**
 * A validation error of the domain: the project's one error type with code `validation` and the field named,
 * so an edge (HTTP route, job worker) turns it into a 400 / BPMN error that tells the person which field is wrong.
 */
export function invalid(field: string, message: string): AppError {
  return new AppError({ code: 'validation', field, message: `Pole „${field}”: ${message}` });
}
