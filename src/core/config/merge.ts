// Host settings (VS Code `decisionOrbit.*`) sit under the file: the file wins key by key.
type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects where `over` wins; arrays and scalars are replaced whole. */
export function mergeConfigLayers(under: unknown, over: unknown): unknown {
  if (over === undefined) return under;
  if (!isPlainObject(under) || !isPlainObject(over)) return over;
  const merged: Plain = { ...under };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeConfigLayers(under[key], value);
  return merged;
}
