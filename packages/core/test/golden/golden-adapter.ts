import type { Tensor } from '../../src/tensor/tensor.js';
import type { GoldenCase, GoldenSample } from './golden-case.js';

/**
 * Translates one golden family into jointok calls. `run` builds the quantizer from the case's
 * reference kwargs and params (through `createQuantizer`), performs the sample's reference
 * encode and decode calls (see `record.api`) and returns every result the sample stores, under
 * the sample's key names (`indices`, `output`, `decoded`, and family extras such as
 * `decoded_latents`), in the reference's shapes.
 */
export interface GoldenAdapter {
  run(record: GoldenCase, sample: GoldenSample): Record<string, Tensor>;
}
