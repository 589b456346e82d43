/**
 * Strict Structured Outputs require every property, so an `.optional()` field cannot be sent as
 * written. Instead of asking users to rewrite it as `.nullable()`, the JSON Schema sent makes it
 * required-and-nullable, and a `null` the model returns for it is turned back into an absent
 * field before the user's own schema parses the answer. A field that was nullable already
 * (`.nullable().optional()`) keeps its `null`.
 */
type JsonSchema = Record<string, unknown>;

/** Object nodes of the sent schema, with the properties whose `null` means "absent". */
type Marks = WeakMap<JsonSchema, Set<string>>;

function isNullable(schema: JsonSchema): boolean {
  if (schema.type === 'null') return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return branches?.some(isNullable) ?? false;
}

function children(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [];
  for (const key of ['properties', '$defs', 'definitions'] as const) found.push(...Object.values((schema[key] ?? {}) as Record<string, JsonSchema>));
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) found.push(schema.items as JsonSchema);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) found.push(...((schema[key] as JsonSchema[] | undefined) ?? []));
  return found;
}

function mark(schema: JsonSchema, marks: Marks): void {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const absentWhenNull = new Set<string>();
    for (const [name, property] of Object.entries(properties)) {
      if (required.has(name)) continue;
      if (!isNullable(property)) {
        properties[name] = { anyOf: [property, { type: 'null' }] };
        absentWhenNull.add(name);
      }
    }
    schema.required = Object.keys(properties); // all of them, in property order
    if (absentWhenNull.size > 0) marks.set(schema, absentWhenNull);
  }
  for (const child of children(schema)) mark(child, marks);
}

/** The schema a `$ref` (`#/$defs/Name`, `#/definitions/Name`) points at, within `root`. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  const target = ref.slice(2).split('/').reduce<unknown>((node, key) => (node as JsonSchema | undefined)?.[key], root);
  return typeof target === 'object' && target !== null ? resolve(target as JsonSchema, root) : schema;
}

/** Whether `value` can be an instance of the object or array `schema` (to pick a union branch). */
function fits(value: unknown, schema: JsonSchema): boolean {
  if (Array.isArray(value)) return schema.type === 'array' || schema.items !== undefined;
  if (typeof value !== 'object' || value === null) return false;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return false;
  return Object.entries(value).every(([key, item]) => {
    const property = properties[key];
    if (!property) return false;
    if ('const' in property) return property.const === item;
    return !Array.isArray(property.enum) || property.enum.includes(item);
  });
}

function strip(value: unknown, node: JsonSchema, root: JsonSchema, marks: Marks): unknown {
  const schema = resolve(node, root);
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const branch = branches.map((each) => resolve(each, root)).find((each) => fits(value, each));
    return branch ? strip(value, branch, root, marks) : value;
  }
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? value.map((item) => strip(item, items, root, marks)) : value;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (typeof value !== 'object' || value === null || !properties) return value;
  const absentWhenNull = marks.get(schema);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null && absentWhenNull?.has(key)) continue;
    const property = properties[key];
    result[key] = property ? strip(item, property, root, marks) : item;
  }
  return result;
}

/**
 * Makes every optional property of `schema` (changed in place) required and nullable, and
 * returns the function that turns the model's `null` for such a field back into an absent one.
 *
 * @example
 * const restore = makeOptionalsNullable(jsonSchema);
 * userSchema.parse(restore(JSON.parse(answer)));
 */
export function makeOptionalsNullable(schema: JsonSchema): (value: unknown) => unknown {
  const marks: Marks = new WeakMap();
  mark(schema, marks);
  return (value) => strip(value, schema, schema, marks);
}
