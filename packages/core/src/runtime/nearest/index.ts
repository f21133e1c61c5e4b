export {
  createAcceleratedNearestSearch,
  defaultAccelerationThreshold,
  type AcceleratedNearestSearch,
  type AcceleratedNearestSearchOptions,
  type NearestSearchUsage,
} from './create-accelerated-nearest-search.js';
export { nearestCodeGraph } from './nearest-code-graph.js';
