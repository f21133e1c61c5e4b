export { readFfmpeg, ffmpegReadArguments, type ReadFfmpegOptions } from './read-ffmpeg.node.js';
export { writeFfmpeg, type WriteFfmpegOptions } from './write-ffmpeg.node.js';
export { probeVideo, type ProbedVideo } from './probe-video.node.js';
export { FFMPEG_PACKAGE, type FfmpegOptions } from './run-program.node.js';
