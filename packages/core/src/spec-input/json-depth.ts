/** Deepest nesting of arrays and objects a manifest, config or layout may have: far more than any real one. */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of JSON text, found by one pass over its brackets (strings skipped), without
 * recursion: so a document nested 200,000 deep is measured, not a stack overflow.
 */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) deepest = Math.max(deepest, ++depth);
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}

/**
 * The nesting depth of a parsed value — its longest path from the root, so shared subtrees count at
 * their deepest position — found iteratively, each object once; stops past `limit` (returning a
 * number above it) and returns `Infinity` for a value that contains itself (JSON cannot, and a
 * recursive reader would never end). Typed arrays and buffers are leaves.
 */
export function valueDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (!isContainer(value)) return 0;
  const finished = new Map<object, number>();
  const open = new Set<object>();
  const frames: { node: object; children: readonly unknown[]; next: number; deepestChild: number }[] = [];
  const enter = (node: object) => {
    open.add(node);
    const children = ArrayBuffer.isView(node) || node instanceof ArrayBuffer ? [] : Array.isArray(node) ? node : Object.values(node);
    frames.push({ node, children, next: 0, deepestChild: 0 });
  };
  enter(value);
  while (frames.length > 0) {
    if (frames.length > limit) return frames.length;
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (!isContainer(child)) continue;
      const known = finished.get(child);
      if (known !== undefined) frame.deepestChild = Math.max(frame.deepestChild, known);
      else if (open.has(child)) return Infinity;
      else enter(child);
      continue;
    }
    frames.pop();
    open.delete(frame.node);
    const depth = frame.deepestChild + 1;
    finished.set(frame.node, depth);
    const parent = frames[frames.length - 1];
    if (parent !== undefined) parent.deepestChild = Math.max(parent.deepestChild, depth);
    else return depth;
  }
  return 0;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
