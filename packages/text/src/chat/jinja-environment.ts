import { Environment, Interpreter, type Template } from '@huggingface/jinja';
import { strftime } from './strftime.js';

/** Raised by a template's `raise_exception(message)`; its message becomes the ChatTemplateError's reason. */
export class TemplateRaisedError extends Error {}

/** Python's `range(stop)` / `range(start, stop[, step])`. */
function range(start: number, stop?: number, step = 1): number[] {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new Error('range() arg 3 must not be zero');
  const values: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) values.push(i);
  return values;
}

/**
 * Renders a parsed template with the globals transformers gives chat templates. The environment is
 * built here rather than by `Template.render`, because that one's `strftime_now` formats with the
 * runtime's locale and the current date, where transformers uses Python's C-locale `strftime` (and
 * callers need a fixed date for reproducible prompts).
 */
export function renderWithGlobals(template: Template, variables: Readonly<Record<string, unknown>>, now: Date): string {
  const environment = new Environment();
  const globals: Record<string, unknown> = {
    false: false,
    true: true,
    none: null,
    False: false,
    True: true,
    None: null,
    range,
    raise_exception: (message: unknown) => {
      throw new TemplateRaisedError(String(message));
    },
    strftime_now: (format: string) => strftime(now, String(format)),
  };
  for (const [name, value] of Object.entries({ ...globals, ...variables })) environment.set(name, value);
  return new Interpreter(environment).run(template.parsed).value as string;
}
