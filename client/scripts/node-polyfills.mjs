// SvelteKit 3 targets Node >= 22.17; this machine and CI run Node 20.19+.
// The only missing piece its build uses is Promise.withResolvers (Node 22), so provide it.
// Loaded with `node --import` for vite build/dev, including SvelteKit's worker threads.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
