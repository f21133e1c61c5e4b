/**
 * Bounds on what a file may declare. Anything beyond is treated as a corrupt header rather than
 * allocated: 1024 channels is libsndfile's own limit; 3,072,000 Hz is above every studio and
 * measurement rate in use (DSD is not PCM and is not read here).
 */
export const audioLimits = {
  maxChannels: 1024,
  maxSampleRate: 3_072_000,
} as const;
