import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import JointBuilder from './components/JointBuilder.vue';
import LiveAudio from './components/LiveAudio.vue';
import LiveImage from './components/LiveImage.vue';
import LiveText from './components/LiveText.vue';
import './style.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveText', LiveText);
    app.component('LiveImage', LiveImage);
    app.component('LiveAudio', LiveAudio);
    app.component('JointBuilder', JointBuilder);
  },
} satisfies Theme;
