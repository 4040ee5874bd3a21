/** `items` by `keyOf(item)`, each group holding `valueOf(item)` in the items' order. */
export function groupBy<T, V = T>(items: Iterable<T>, keyOf: (item: T) => string, valueOf: (item: T) => V = (item) => item as unknown as V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [valueOf(item)]);
    else group.push(valueOf(item));
  }
  return groups;
}
