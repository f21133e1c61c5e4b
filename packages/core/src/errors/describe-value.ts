/**
 * A short description of any value for an error message, bounded in length whatever the value is: long
 * strings and arrays are cut, nesting stops after a few levels, BigInts, symbols, functions and circular
 * objects are named, typed arrays are summarised. Never throws and never recurses deeply, so a hostile
 * input cannot overflow the stack or put 50 MB into a message.
 */
export function describeValue(value: unknown, budget = 120): string {
  const seen = new Set<unknown>();
  const text = render(value, 0, seen);
  return text.length > budget ? `${text.slice(0, budget - 1)}…` : text;
}

const MAX_DEPTH = 3;
const MAX_ITEMS = 8;

function render(value: unknown, depth: number, seen: Set<unknown>): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `a function${value.name ? ` ${value.name}` : ''}`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as { length?: number }).length ?? value.byteLength})`;
  if (seen.has(value)) return '(circular)';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `an array of length ${value.length}` : 'an object';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const shown = value.slice(0, MAX_ITEMS).map((item) => render(item, depth + 1, seen));
      return `[${shown.join(', ')}${value.length > MAX_ITEMS ? `, … (${value.length} items)` : ''}]`;
    }
    const keys = Object.keys(value as object);
    const shown = keys.slice(0, MAX_ITEMS).map((key) => `${JSON.stringify(key.length > 30 ? `${key.slice(0, 27)}...` : key)}: ${render((value as Record<string, unknown>)[key], depth + 1, seen)}`);
    return `{${shown.join(', ')}${keys.length > MAX_ITEMS ? `, … (${keys.length} keys)` : ''}}`;
  } catch {
    return 'an object';
  }
}
