// prismjs's files, imported with `?lean` (core.ts says why).
declare module 'prismjs/components/prism-core.js?lean' {
  import Prism from 'prismjs';
  export default Prism;
}
declare module 'prismjs/components/*?lean';
