import { WORD_MODEL_JSON } from './word-model-data.js';
import type { WordModel } from './word-model.js';

let builtin: WordModel | null = null;

/** The word model learnt from the corpus's train parts (word-model-data.ts), parsed when first asked for. */
export function builtinWordModel(): WordModel {
  builtin ??= JSON.parse(WORD_MODEL_JSON) as WordModel;
  return builtin;
}
