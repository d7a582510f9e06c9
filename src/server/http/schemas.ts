// Route schemas that name a registered component: the OpenAPI document shows `$ref` to the component, and
// the handler gets the component's static type, so that no handler casts its body.
import Type, { type TSchema } from "typebox";

/** A reference to `schema` (registered with app.addSchema under its $id), typed as the schema itself. */
export function named<Schema extends TSchema>(schema: Schema): Schema {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== "string") throw new Error("a named schema needs an $id");
  // The one cast: at run time a $ref, to the type checker the schema it refers to.
  return Type.Ref(id) as unknown as Schema;
}
