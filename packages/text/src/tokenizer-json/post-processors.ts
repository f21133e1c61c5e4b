import { InvalidSpecError } from '@jointok/core';
import { array, object, string, unsupported, type Spec } from './spec.js';

/** Adds special ids around one sequence (`add_special_tokens`). */
export type PostProcessor = (ids: number[]) => number[];

const SUPPORTED = ['TemplateProcessing', 'ByteLevel', 'BertProcessing', 'RobertaProcessing', 'Sequence'];

/** A token id the post-processor adds: it must be one (an int32 ≥ 0), or encode would emit garbage that decode refuses. */
function tokenId(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) return value;
  throw new InvalidSpecError({ path, expected: 'a token id (an integer ≥ 0)', received: value });
}

/** Builds the `post_processor` of a tokenizer.json for single sequences (null → identity). */
export function buildPostProcessor(value: unknown, path = 'post_processor'): PostProcessor | null {
  if (value === null || value === undefined) return null;
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'ByteLevel':
      return null; // only trims offsets
    case 'BertProcessing':
    case 'RobertaProcessing': {
      const cls = tokenId(array(spec.cls, `${path}.cls`)[1], `${path}.cls[1]`);
      const sep = tokenId(array(spec.sep, `${path}.sep`)[1], `${path}.sep[1]`);
      return (ids) => [cls, ...ids, sep];
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
        const idsPath = `${path}.special_tokens[${JSON.stringify(name)}].ids`;
        if (!Array.isArray(ids)) throw new InvalidSpecError({ path: idsPath, expected: 'an array of ids', received: ids });
        for (let k = 0; k < ids.length; k++) (seen ? after : before).push(tokenId(ids[k], `${idsPath}[${k}]`));
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
