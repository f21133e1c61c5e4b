/** Times the stages of a command, in the order they ran. */
export interface StageTimer {
  time<T>(stage: string, work: () => Promise<T>): Promise<T>;
  readonly stages: { readonly stage: string; readonly ms: number }[];
}

/** A new stage timer. */
export function createStageTimer(): StageTimer {
  const stages: { stage: string; ms: number }[] = [];
  return {
    stages,
    async time(stage, work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        stages.push({ stage, ms: performance.now() - started });
      }
    },
  };
}
