/** bpmn.io's dmn-moddle ships no types; the lint script types what it reads itself. */
declare module 'dmn-moddle' {
  export const DmnModdle: unknown;
}
