// The one rule of what a key may be: an identifier, and the only dot after a namespace (DESIGN.md, "The template language").

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A key as written in a placeholder: identifiers joined by dots (`tracker.clickid`; `chat.tracker.x` is read, then reported). */
const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** At most one namespace: what a correct placeholder names (`tracker.clickid`, `fields.geo`). */
const NAMESPACED_KEY = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
/** The key at the start of a longer expression (`username` in `username|friend`). */
const KEY_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/;

/** Letters, digits and `_`, not starting with a digit: a field key, a variable name, a namespace. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

export function isKeyPath(key: string): boolean {
  return KEY_PATH.test(key);
}

export function isNamespacedKey(key: string): boolean {
  return NAMESPACED_KEY.test(key);
}

/** The key a longer expression starts with, or undefined when it does not start with one. */
export function keyPrefixOf(text: string): string | undefined {
  return KEY_PREFIX.exec(text)?.[0];
}
