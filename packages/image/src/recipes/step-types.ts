import type { ResizeFilter } from '../resize/filters.js';
import type { CropOffsets } from '../transforms/center-crop.js';
import type { SideRounding } from '../transforms/resize-short-side.js';
import type { TensorArithmetic } from '../transforms/to-tensor.js';
import type { ByteRounding } from '../transforms/to-uint8.js';

/** Blend alpha onto a solid background (Chameleon). Must come first; without it alpha is dropped. */
export interface CompositeAlphaStep {
  readonly type: 'composite-alpha';
  readonly background: readonly [number, number, number];
}
/** ADM / LlamaGen `center_crop_arr`. */
export interface CenterCropArrStep {
  readonly type: 'center-crop-arr';
  readonly size: number;
}
/** A plain PIL resize to a fixed size. */
export interface ResizeStep {
  readonly type: 'resize';
  readonly width: number;
  readonly height: number;
  readonly filter: ResizeFilter;
}
/** Short side to `size`, sides rounded by `rounding` (Chameleon: lanczos, round). */
export interface ResizeShortSideStep {
  readonly type: 'resize-short-side';
  readonly size: number;
  readonly filter: ResizeFilter;
  readonly rounding: SideRounding;
}
/** torchvision `Resize(size)` on a PIL image. */
export interface ResizeTorchvisionStep {
  readonly type: 'resize-torchvision';
  readonly size: number | readonly [number, number];
  readonly filter: ResizeFilter;
  readonly maxSize?: number;
}
/** Centre crop (floor offsets: ADM/Chameleon; round: torchvision). */
export interface CenterCropStep {
  readonly type: 'center-crop';
  readonly width: number;
  readonly height: number;
  readonly offsets: CropOffsets;
}
/** Emu3 `smart_resize`. */
export interface SmartResizeStep {
  readonly type: 'smart-resize';
  readonly factor: number;
  readonly minPixels: number;
  readonly maxPixels: number;
  readonly filter: ResizeFilter;
}
/** Pad to multiples (recorded for `crop-padding`): zeros split around the image as Cosmos by default. */
export interface PadToMultipleStep {
  readonly type: 'pad-to-multiple';
  readonly multiple: number;
  /** `'zeros'` (default) or `'replicate'` (edge pixels repeated; jointok-image-base). */
  readonly mode: 'zeros' | 'replicate';
  /** `'center'` (default, Cosmos' split) or `'top-left'` (all padding at the bottom and right). */
  readonly anchor: 'center' | 'top-left';
}
/** The last preprocessing step: bytes to a normalised float32 `[1, 3, H, W]` tensor. */
export interface ToTensorStep {
  readonly type: 'to-tensor';
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly arithmetic: TensorArithmetic;
}

/** One step of a `jointok.json` `preprocessing.steps` list. */
export type PreprocessStep =
  | CompositeAlphaStep
  | CenterCropArrStep
  | ResizeStep
  | ResizeShortSideStep
  | ResizeTorchvisionStep
  | CenterCropStep
  | SmartResizeStep
  | PadToMultipleStep
  | ToTensorStep;

/** Float output to bytes (see `toUint8`). */
export interface ToUint8Step {
  readonly type: 'to-uint8';
  readonly mean?: readonly number[];
  readonly std?: readonly number[];
  readonly clamp?: readonly [number, number];
  readonly scale: number;
  readonly offset: number;
  readonly rounding: ByteRounding;
}
/** Cosmos: crop the decoded image back to the size before `pad-to-multiple`. */
export interface CropPaddingStep {
  readonly type: 'crop-padding';
}

/** One step of a `jointok.json` `postprocessing.steps` list. */
export type PostprocessStep = ToUint8Step | CropPaddingStep;
