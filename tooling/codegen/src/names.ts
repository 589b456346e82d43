/** How spec names and values are spelled in generated code. */

/** A component name as a TypeScript identifier (`ConversationParam-2` → `ConversationParam2`). */
export function typeName(component: string): string {
  return component.replace(/[^A-Za-z0-9_$]/g, '');
}

/** The name of a component's lazy schema constant, e.g. `chatCompletionToolSchema`. */
export function schemaConstName(component: string): string {
  const name = typeName(component);
  return `${name[0]!.toLowerCase()}${name.slice(1)}Schema`;
}

/** A string in single quotes (the repository's style); other values as JSON. */
export const literal = (value: unknown) =>
  typeof value === 'string' ? `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'` : JSON.stringify(value);

/** A property name, quoted only when it is not an identifier. */
export const propertyKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name));
