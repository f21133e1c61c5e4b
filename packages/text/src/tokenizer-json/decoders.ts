import { CHAR_TO_BYTE } from './byte-level-alphabet.js';
import { array, integer, literal, object, pattern, type Spec, string, unsupported } from './spec.js';

/** A decoder stage over token strings (Hugging Face's `decode_chain`). */
export type Decoder = (tokens: string[]) => string[];

const SUPPORTED = ['ByteLevel', 'Replace', 'ByteFallback', 'Fuse', 'Strip', 'Metaspace', 'Sequence'];
// ignoreBOM: a leading U+FEFF is text (a token of several vocabularies), not a byte-order mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const BYTE_TOKEN = /^<0x([0-9A-F]{2})>$/;

function byteLevel(tokens: string[]): string[] {
  const text = tokens.join('');
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const b = ch.length === 1 && c < 0x200 ? (CHAR_TO_BYTE[c] as number) : -1;
    if (b >= 0) bytes.push(b);
    else for (const x of new TextEncoder().encode(ch)) bytes.push(x);
  }
  return [utf8.decode(new Uint8Array(bytes))];
}

function byteFallback(tokens: string[]): string[] {
  const out: string[] = [];
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    try {
      out.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(pending)));
    } catch {
      for (let i = 0; i < pending.length; i++) out.push('\ufffd');
    }
    pending = [];
  };
  for (const token of tokens) {
    const m = BYTE_TOKEN.exec(token);
    if (m) pending.push(parseInt(m[1] as string, 16));
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

/** Builds the `decoder` of a tokenizer.json (null → tokens joined). */
export function buildDecoder(value: unknown, path = 'decoder'): Decoder | null {
  if (value === null || value === undefined) return null;
  const spec: Spec = object(value, path);
  switch (spec.type) {
    case 'ByteLevel':
      return byteLevel;
    case 'ByteFallback':
      return byteFallback;
    case 'Fuse':
      return (tokens) => [tokens.join('')];
    case 'Replace': {
      const target = pattern(spec.pattern, `${path}.pattern`);
      if (target.kind !== 'String') return unsupported(`${path}.pattern`, 'Regex', ['String']);
      const content = literal(spec.content, `${path}.content`);
      return (tokens) => tokens.map((t) => t.split(target.source).join(content));
    }
    case 'Strip': {
      const content = literal(spec.content, `${path}.content`);
      const start = integer(spec.start, `${path}.start`);
      const stop = integer(spec.stop, `${path}.stop`);
      return (tokens) =>
        tokens.map((t) => {
          let a = 0;
          let b = t.length;
          for (let i = 0; i < start && t.startsWith(content, a); i++) a += content.length;
          for (let i = 0; i < stop && b > a && t.endsWith(content, b); i++) b -= content.length;
          return t.slice(a, b);
        });
    }
    case 'Metaspace': {
      const replacement = literal(spec.replacement ?? '▁', `${path}.replacement`);
      const strip = (spec.prepend_scheme ?? (spec.add_prefix_space === false ? 'never' : 'always')) !== 'never';
      return (tokens) =>
        tokens.map((t, i) => {
          const text = t.split(replacement).join(' ');
          return i === 0 && strip && text.startsWith(' ') ? text.slice(1) : text;
        });
    }
    case 'Sequence': {
      const stages = array(spec.decoders, `${path}.decoders`)
        .map((stage, i) => buildDecoder(stage, `${path}.decoders[${i}]`))
        .filter((stage): stage is Decoder => stage !== null);
      return (tokens) => stages.reduce((acc, stage) => stage(acc), tokens);
    }
    default:
      return unsupported(path, spec.type, SUPPORTED);
  }
}
