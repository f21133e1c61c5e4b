export { mixChannels, mixToMono, type ChannelMix, type MixChannelsOptions } from './mix-channels.js';
