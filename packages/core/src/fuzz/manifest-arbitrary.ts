import fc from 'fast-check';

const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,11}$/).filter((s) => s !== '.' && s !== '..');
/** A relative path that `assertSafeRelativePath` accepts. */
export const safeRelativePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));

const text = fc.string({ minLength: 1, maxLength: 20 });
const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

/** A valid code space (`validateCodeSpace` accepts it). */
export const validCodeSpace = fc
  .record({
    axes: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
    streams: fc.array(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), codebookSize: fc.integer({ min: 1, max: 2 ** 31 }), stride: fc.option(fc.integer({ min: 1, max: 1 << 20 }), { nil: undefined }) }, { requiredKeys: ['name', 'codebookSize'] }),
      { minLength: 1, maxLength: 6 },
    ),
    frameRate: fc.option(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { nil: undefined }),
    fixed: fc.boolean(),
    sizeSeed: fc.array(fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { nil: null }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ axes, streams, frameRate, fixed, sizeSeed }) => ({
    axes,
    ...(fixed ? { sizes: axes.map((_, i) => sizeSeed[i]!) } : {}),
    streams: streams.map((s) => (s.stride === undefined ? { name: s.name, codebookSize: s.codebookSize } : s)),
    ...(frameRate === undefined ? {} : { frameRate }),
  }));

/**
 * A valid `jointok.json` (manifest version 1) as a plain object: every optional field now and then,
 * files and variants with distinct safe paths, sha256 and size.
 */
export const validManifest = fc
  .record(
    {
      name: text,
      description: text,
      modality: fc.constantFrom('text', 'image', 'video', 'audio'),
      family: fc.string({ minLength: 1, maxLength: 12 }),
      files: fc.uniqueArray(fc.record({ path: safeRelativePath, sha256: hex64, size: fc.nat(), role: fc.option(text, { nil: undefined }), variant: fc.option(fc.tuple(fc.string({ maxLength: 6 }), hex64, fc.nat()), { nil: undefined }) }), {
        minLength: 1,
        maxLength: 5,
        selector: (file) => file.path,
      }),
      preprocessing: jsonObject,
      postprocessing: jsonObject,
      config: jsonObject,
      quantizer: fc.record({ type: fc.string({ minLength: 1, maxLength: 10 }), levels: fc.array(fc.integer({ min: 2, max: 9 }), { maxLength: 4 }) }),
      codeSpace: validCodeSpace,
      license: text,
      source: fc.record({ url: text, revision: text, citation: text, checkpoint: text, checkpointSha256: text }, { requiredKeys: [] }),
    },
    { requiredKeys: ['modality', 'family', 'files'] },
  )
  .map((fields) => ({
    manifestVersion: 1,
    ...fields,
    files: fields.files.map(({ variant, role, ...file }, index) => ({
      ...file,
      ...(role === undefined ? {} : { role }),
      // A variant's path must differ from every listed path: '~' is in no generated segment.
      ...(variant === undefined ? {} : { variants: { [variant[0]]: { path: `~v${index}/${file.path}`, sha256: variant[1], size: variant[2] } } }),
    })),
  }));
