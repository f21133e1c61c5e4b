export { trainBpe, type TrainBpeOptions, type TrainedBpe } from './train-bpe.js';
export { trainIntegerBpe, integerBpe, type IntegerBpe, type TrainIntegerBpeOptions } from './integer-bpe.js';
export { learnMerges, type LearnMergesOptions } from './learn-merges.js';
