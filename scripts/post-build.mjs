// Trunk's post-build hook: the steps that must see the built files, one after the other.
await import("./split.mjs");
await import("./preload.mjs");
await import("./styles.mjs");
await import("./early-wasm.mjs");
await import("./csp.mjs");
await import("./offline.mjs");
