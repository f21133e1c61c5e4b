/** How many specs of one kind of stage {@link sharedStage} remembers. */
const MAX_SHARED_STAGES = 64;

/**
 * The stage built before from an equal spec, or a new one (remembered for up to {@link MAX_SHARED_STAGES}
 * specs). Stages are pure functions of their spec, and sharing them spares a second tokenizer of the same
 * vocabulary a deoptimization: V8 optimizes a tokenizer's encode loop for the very closures it calls, and
 * a second instance with closures of its own made it throw that code away at its first text (`--trace-deopt`:
 * "wrong call target" in `HfTokenizer.encode`; gone with shared stages).
 */
export function sharedStage<T>(built: Map<string, T>, value: unknown, build: () => T): T {
  const key = JSON.stringify(value);
  const known = built.get(key);
  if (known !== undefined) return known;
  const stage = build();
  if (built.size >= MAX_SHARED_STAGES) built.clear();
  built.set(key, stage);
  return stage;
}
