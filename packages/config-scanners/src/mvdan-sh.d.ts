declare module 'mvdan-sh' {
  const mvdan: unknown;
  export default mvdan;
}
