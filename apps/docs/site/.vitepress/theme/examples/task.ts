// Long work in the live examples: progress, cancellation through an AbortController, and errors shown
// in the page rather than thrown away.
import { ref, type Ref } from 'vue';

/** Reports progress: a fraction in [0, 1], or null when the length of the work is unknown. */
export type ReportProgress = (label: string, fraction: number | null) => void;

/** The state of one cancellable piece of work, for TaskStatus-like markup. */
export interface Task {
  readonly running: Ref<boolean>;
  readonly label: Ref<string>;
  readonly fraction: Ref<number | null>;
  readonly error: Ref<string>;
  /** Runs `work` with a fresh AbortSignal; a previous run is cancelled first. */
  run(work: (signal: AbortSignal, report: ReportProgress) => Promise<void>): Promise<void>;
  /** Aborts the running work; it rejects with an AbortError, shown as "cancelled". */
  cancel(): void;
}

/** Creates a task. */
export function useTask(): Task {
  const running = ref(false);
  const label = ref('');
  const fraction = ref<number | null>(null);
  const error = ref('');
  let controller: AbortController | undefined;
  return {
    running,
    label,
    fraction,
    error,
    async run(work) {
      controller?.abort();
      const own = new AbortController();
      controller = own;
      running.value = true;
      error.value = '';
      try {
        await work(own.signal, (text, value) => {
          label.value = text;
          fraction.value = value;
        });
      } catch (caught) {
        if (own.signal.aborted) error.value = 'Cancelled.';
        else {
          error.value = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
          // Shown in the page; also logged as a warning, so that tests can tell a failure from a cancel.
          console.warn(caught);
        }
      } finally {
        if (controller === own) {
          running.value = false;
          controller = undefined;
        }
      }
    },
    cancel() {
      controller?.abort(new DOMException('Cancelled by the user', 'AbortError'));
    },
  };
}

/** Lets the page repaint (and a cancel click arrive) between chunks of synchronous work. */
export function nextFrame(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => (signal.aborted ? reject(signal.reason) : resolve()), 0);
  });
}
