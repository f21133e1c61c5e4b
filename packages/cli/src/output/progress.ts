import cliProgress from 'cli-progress';
import { formatCount } from './format.js';

/** A progress display: a bar with counts and ETA on a terminal, nothing otherwise. */
export interface Progress {
  update(done: number, payload?: { tokens?: number }): void;
  stop(): void;
}

/**
 * A progress bar on `stream` (stderr) when it is a terminal and output is for people; a no-op when
 * piped, redirected or with `--json`, so logs stay clean.
 */
export function createProgress(options: { total: number; label: string; stream: NodeJS.WriteStream; enabled: boolean; start?: number }): Progress {
  if (!options.enabled || options.stream.isTTY !== true) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream,
      format: `${options.label} {bar} {value}/{total} | {tokens} tokens | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const first = options.start ?? 0;
  bar.start(options.total, first, { tokens: '0', rate: '0' });
  return {
    update(done, payload = {}) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { tokens: formatCount(payload.tokens ?? 0), rate: seconds > 0 ? ((done - first) / seconds).toFixed(1) : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
