import { InvalidSpecError } from '@jointok/core';
import { array, object, string, unsupported, type Spec } from './spec.js';

/** Adds special ids around one sequence (`add_special_tokens`). */
export type PostProcessor = (ids: number[]) => number[];

const SUPPORTED = ['TemplateProcessing', 'ByteLevel', 'BertProcessing', 'RobertaProcessing', 'Sequence'];

/** Builds the `post_processor` of a tokenizer.json for single sequences (null → identity). */
export function buildPostProcessor(value: unknown, path = 'post_processor'): PostProcessor | null {
  if (value === null || value === undefined) return null;
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'ByteLevel':
      return null; // only trims offsets
    case 'BertProcessing':
    case 'RobertaProcessing': {
      const cls = array(spec.cls, `${path}.cls`);
      const sep = array(spec.sep, `${path}.sep`);
      return (ids) => [cls[1] as number, ...ids, sep[1] as number];
    }
    case 'TemplateProcessing': {
      const specials = object(spec.special_tokens ?? {}, `${path}.special_tokens`);
      const before: number[] = [];
      const after: number[] = [];
      let seen = false;
      array(spec.single, `${path}.single`).forEach((item, i) => {
        const entry = object(item, `${path}.single[${i}]`);
        if (entry.Sequence !== undefined) {
          seen = true;
          return;
        }
        const special = object(entry.SpecialToken, `${path}.single[${i}].SpecialToken`);
        const name = string(special.id, `${path}.single[${i}].SpecialToken.id`);
        const ids = object(specials[name], `${path}.special_tokens[${JSON.stringify(name)}]`).ids;
        if (!Array.isArray(ids)) throw new InvalidSpecError({ path: `${path}.special_tokens[${JSON.stringify(name)}].ids`, expected: 'an array of ids', received: ids });
        (seen ? after : before).push(...(ids as number[]));
      });
      return (ids) => [...before, ...ids, ...after];
    }
    case 'Sequence': {
      const stages = array(spec.processors, `${path}.processors`)
        .map((stage, i) => buildPostProcessor(stage, `${path}.processors[${i}]`))
        .filter((stage): stage is PostProcessor => stage !== null);
      return (ids) => stages.reduce((acc, stage) => stage(acc), ids);
    }
    default:
      return unsupported(path, spec.type, SUPPORTED);
  }
}
