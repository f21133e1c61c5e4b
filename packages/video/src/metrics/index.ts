export { videoPsnr, videoSsim, type FrameScores } from './video-metrics.js';
