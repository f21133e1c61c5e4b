export { jointokDefaultTokenizerJson, createJointokDefaultVocabulary } from './jointok-default-vocabulary.js';
