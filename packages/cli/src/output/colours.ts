import pc from 'picocolors';

/** The colour functions the command uses (identity functions when colour is off). */
export type Colours = ReturnType<typeof pc.createColors>;

/**
 * Colour for a stream: on for a terminal, off when piped or redirected, off with `NO_COLOR`, forced on
 * with `FORCE_COLOR` (other than `0`).
 */
export function coloursFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colours {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled = forced || (stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return pc.createColors(enabled);
}
