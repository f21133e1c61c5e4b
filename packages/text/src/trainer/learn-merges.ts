/** Options of {@link learnMerges}. */
export interface LearnMergesOptions {
  /** Id of the first new token (the alphabet's size). */
  firstId: number;
  /** Stop after this many merges. */
  maxMerges: number;
  /** Stop when the most frequent pair occurs fewer times than this (default 2). */
  minFrequency?: number;
  /** Pairs that must never merge (e.g. whose concatenation already is a token). */
  forbid?: (left: number, right: number) => boolean;
}

const KEY = 2 ** 21;

/**
 * Learns BPE merges over weighted sequences of ids: repeatedly merge the most frequent adjacent pair
 * (ties: smallest left id, then smallest right id — deterministic), giving it the next id. Pairs are
 * counted within a sequence only, so callers choose what may merge (words for text, rows for 2-D
 * codes). Returns the merges in order; merge `i` creates id `firstId + i`.
 */
export function learnMerges(sequences: readonly number[][], weights: readonly number[], options: LearnMergesOptions): Array<[number, number]> {
  const minFrequency = options.minFrequency ?? 2;
  const words = sequences.map((s) => s.slice());
  const counts = new Map<number, number>();
  const where = new Map<number, Set<number>>();
  // Pairs whose count changed during the current merge; they get fresh heap entries.
  const changed = new Set<number>();
  const addPairs = (w: number, sign: number): void => {
    const word = words[w] as number[];
    const weight = (weights[w] as number) * sign;
    for (let i = 0; i + 1 < word.length; i++) {
      const key = (word[i] as number) * KEY + (word[i + 1] as number);
      counts.set(key, (counts.get(key) ?? 0) + weight);
      changed.add(key);
      if (sign > 0) {
        let set = where.get(key);
        if (set === undefined) where.set(key, (set = new Set()));
        set.add(w);
      }
    }
  };
  words.forEach((_, w) => addPairs(w, 1));
  changed.clear();

  // Lazy max-heap of [count, key]; stale entries are skipped on pop.
  const heap: Array<[number, number]> = [];
  const better = (a: [number, number], b: [number, number]): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  const push = (entry: [number, number]): void => {
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(entry, heap[parent] as [number, number])) break;
      heap[i] = heap[parent] as [number, number];
      i = parent;
    }
    heap[i] = entry;
  };
  const pop = (): [number, number] => {
    const top = heap[0] as [number, number];
    const last = heap.pop() as [number, number];
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && better(heap[child + 1] as [number, number], heap[child] as [number, number])) child++;
        if (!better(heap[child] as [number, number], last)) break;
        heap[i] = heap[child] as [number, number];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  };
  for (const [key, count] of counts) push([count, key]);

  const merges: Array<[number, number]> = [];
  const banned = new Set<number>();
  while (merges.length < options.maxMerges && heap.length > 0) {
    const [count, key] = pop();
    if (counts.get(key) !== count || banned.has(key)) continue;
    if (count < minFrequency) break;
    const left = Math.floor(key / KEY);
    const right = key - left * KEY;
    if (options.forbid?.(left, right) === true) {
      banned.add(key);
      continue;
    }
    const id = options.firstId + merges.length;
    merges.push([left, right]);
    changed.clear();
    for (const w of where.get(key) ?? []) {
      const word = words[w] as number[];
      let found = false;
      for (let i = 0; i + 1 < word.length; i++) if (word[i] === left && word[i + 1] === right) found = true;
      if (!found) continue;
      addPairs(w, -1);
      const merged: number[] = [];
      for (let i = 0; i < word.length; i++) {
        if (i + 1 < word.length && word[i] === left && word[i + 1] === right) {
          merged.push(id);
          i++;
        } else merged.push(word[i] as number);
      }
      words[w] = merged;
      addPairs(w, 1);
    }
    counts.delete(key);
    for (const t of changed) {
      const c = counts.get(t);
      if (c !== undefined && c > 0) push([c, t]);
    }
  }
  return merges;
}
