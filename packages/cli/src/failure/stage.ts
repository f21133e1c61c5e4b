/** Where in a command an error arose; it decides the exit code when the error's class does not. */
export type Stage = 'arguments' | 'models' | 'input' | 'output';

const stages = new WeakMap<object, Stage>();

/** Runs `work`, marking any error it throws with `stage` (the innermost stage wins). */
export async function inStage<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (typeof error === 'object' && error !== null && !stages.has(error)) stages.set(error, stage);
    throw error;
  }
}

/** The stage an error was marked with, if any. */
export function stageOf(error: unknown): Stage | undefined {
  return typeof error === 'object' && error !== null ? stages.get(error) : undefined;
}
