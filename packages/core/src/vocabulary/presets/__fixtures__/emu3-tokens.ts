// Fixture ids of the Emu3 preset's tokens, shared by its own test and the all-presets conformance test:
// digits '0'..'9' = 15..24 and '*' = 9 (Qwen's byte-level ids), visual token 0 = 151854; the special
// tokens get fixture ids.
export const emu3Tokens = new Map<string, number>([
  ...Array.from({ length: 10 }, (_, d) => [String(d), 15 + d] as [string, number]),
  ['*', 9],
  ['<|image start|>', 151852],
  ['<|image end|>', 151853],
  ['<|image token|>', 151851],
  ['<|extra_200|>', 151846],
  ['<|extra_201|>', 151847],
  ['<|visual token 000000|>', 151854],
]);
