import { z } from 'zod';

/**
 * A schema for one path parameter whose 400 names the parameter: `id.parse(req.params.id)` on a bare
 * `z.string().uuid()` gave a zod issue with an empty path, so the answer said `field: ""` (found by the generated
 * requests of issue 13). `parse(value, name)` takes another name where a route calls the parameter differently.
 */
export interface PathParam<T> {
  parse(value: unknown, name?: string): T;
}

export function pathParam<S extends z.ZodType>(name: string, schema: S): PathParam<z.output<S>> {
  return {
    parse(value: unknown, as = name): z.output<S> {
      const parsed = z.object({ [as]: schema }).parse({ [as]: value }) as Record<string, z.output<S>>;
      return parsed[as] as z.output<S>;
    },
  };
}
