export { checkChunking, planWindow, planWindows, windowsOfLatents, readWindows, type TemporalChunking, type TemporalWindow } from './temporal-windows.js';
export { COSMOS_CHUNKING } from './cosmos-chunking.js';
